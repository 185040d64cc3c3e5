package tw.smartgov.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The roles the executable can run as; each is a Spring profile of the same application. */
enum ServerRole {
    DEV("dev"),
    CENTRAL("central"),
    SECURITY_SERVER("security-server");

    private static volatile boolean started;
    private final String profile;

    ServerRole(String profile) {
        this.profile = profile;
    }

    String profile() {
        return profile;
    }

    /** Starts the application in this role with the given settings (Spring property names). */
    ConfigurableApplicationContext start(Map<String, Object> settings, String... args) {
        var app = new SpringApplication(SmartGovApplication.class);
        app.setAdditionalProfiles(profile);
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put("smartgov.role", profile);
        // Above application.yml: what the command line chose wins over the packaged defaults.
        app.addInitializers(context ->
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("smartgov-role", all)));
        var context = app.run(args);
        started = true;
        return context;
    }

    static boolean anyStarted() {
        return started;
    }

    static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
