package tw.smartgov.troad.central;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The public base URL of the central server: {@code smartgov.troad.central-url}, by default {@code
 * http://localhost:<port>}. Resolved on each use because the port of a random-port server is known
 * only once it listens.
 */
@CentralRole
@Component
class CentralUrl {
    private final Environment environment;

    CentralUrl(Environment environment) {
        this.environment = environment;
    }

    String get() {
        String configured = environment.getProperty("smartgov.troad.central-url");
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }
}
