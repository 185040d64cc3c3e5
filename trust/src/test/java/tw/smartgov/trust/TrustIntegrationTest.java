package tw.smartgov.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tw.smartgov.trust.testing.TestNodeProperties;

/**
 * Base of the trust module's integration tests: the whole module on a random loopback port, on a
 * throwaway PostgreSQL database, with a fresh keystore folder per test JVM.
 */
@SpringBootTest(classes = TrustTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class TrustIntegrationTest {
    private static final String DATA_DIR = tempDir();

    @DynamicPropertySource
    static void trustProperties(DynamicPropertyRegistry registry) {
        TestNodeProperties.register(registry, DATA_DIR);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("smartgov-trust-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
