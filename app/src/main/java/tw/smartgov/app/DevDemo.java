package tw.smartgov.app;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.log.TransparencyLogs;

/** Demo data of {@code smartgov dev}, written once, at the first start. */
@Component
@Profile("dev")
class DevDemo {
    static final String AUDIT_LOG = "audit";
    private final TransparencyLogs logs;

    DevDemo(TransparencyLogs logs) {
        this.logs = logs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (logs.names().contains(AUDIT_LOG)) {
            return;
        }
        for (String event : new String[] {
            "{\"event\":\"node-started\",\"role\":\"dev\"}",
            "{\"event\":\"ca-created\",\"subject\":\"SmartGov Root CA\"}",
            "{\"event\":\"demo-data-loaded\"}"
        }) {
            logs.appendAndWait(AUDIT_LOG, event.getBytes(StandardCharsets.UTF_8));
        }
    }
}
