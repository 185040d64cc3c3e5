package tw.smartgov.app.demo;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.node.NodeSettings;
import tw.smartgov.troad.securityserver.MessageLog;
import tw.smartgov.trust.log.TransparencyLogs;

/** The message log of each demo security server: one transparency log per server. */
@Component
@Profile("dev")
class DemoMessageLogs {
    private final TransparencyLogs logs;

    DemoMessageLogs(TransparencyLogs logs) {
        this.logs = logs;
    }

    MessageLog forServer(NodeSettings settings) {
        String name = ("msglog-" + settings.owner().memberCode() + "-" + settings.code()).toLowerCase();
        return record -> logs.append(name, record.toString().getBytes(StandardCharsets.UTF_8))
                .thenApply(i -> null);
    }
}
