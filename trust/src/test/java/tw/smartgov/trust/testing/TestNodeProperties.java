package tw.smartgov.trust.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every Spring integration test of a SmartGov module needs: database and keystore. */
public final class TestNodeProperties {
    private TestNodeProperties() {}

    /** The shared throwaway database of this JVM, Flyway auto-configuration off, a fresh keystore folder. */
    public static void register(DynamicPropertyRegistry registry, String dataDir) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.flyway.enabled", () -> "false");
        registry.add("smartgov.trust.data-dir", () -> dataDir);
        registry.add("smartgov.trust.keystore-password", () -> "test-keystore-password");
    }
}
