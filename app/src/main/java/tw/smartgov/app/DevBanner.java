package tw.smartgov.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who ran {@code smartgov dev} where to go, once everything is up. */
@Component
@Profile("dev")
class DevBanner {
    private final String dataDir;

    DevBanner(@Value("${smartgov.data-dir}") String dataDir) {
        this.dataDir = dataDir;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = java.util.Objects.requireNonNull(
                        ((WebServerApplicationContext) event.getApplicationContext()).getWebServer(),
                        "a ready web application has a web server")
                .getPort();
        System.out.printf("""

                SmartGov dev is running.  Open http://localhost:%d/
                  admin user 'admin', password in %s/%s
                  data folder %s (delete it to start afresh); stop with Ctrl+C

                """, port, dataDir, DevSecrets.FILE, dataDir);
    }
}
