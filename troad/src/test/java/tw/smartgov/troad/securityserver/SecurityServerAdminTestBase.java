package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tw.smartgov.CentralTestApplication;
import tw.smartgov.troad.securityserver.config.ManagedAccessRights;
import tw.smartgov.troad.securityserver.config.ManagedProvidedServices;
import tw.smartgov.trust.testing.TestNodeProperties;

/**
 * Base of the security server's management tests: trust and T-Road in the {@code security-server}
 * profile on a random port and a throwaway PostgreSQL database; the context's meter registry is
 * the loopback T-Road's, so exchanges through {@link TRoadNetwork} show in monitoring.
 */
@SpringBootTest(
        classes = {CentralTestApplication.class, SecurityServerAdminTestBase.SharedMeters.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("security-server")
abstract class SecurityServerAdminTestBase {
    private static final String DATA_DIR = tempDir();
    final HttpClient http = HttpClient.newHttpClient();
    final TRoadNetwork t = TRoadNetwork.shared();

    @LocalServerPort
    int port;

    @Autowired
    ManagedAccessRights accessRights;

    @Autowired
    ManagedProvidedServices providedServices;

    /** Not a @Configuration, so that component scanning of other tests never picks it up. */
    static class SharedMeters {
        @Bean
        MeterRegistry meterRegistry() {
            return TRoadNetwork.shared().meters;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestNodeProperties.register(registry, DATA_DIR);
    }

    @AfterEach
    void resetAll() {
        t.reset();
        accessRights.list().forEach(accessRights::revoke);
        providedServices.list().forEach(d -> providedServices.remove(d.service()));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("smartgov-troad-ss-admin-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
