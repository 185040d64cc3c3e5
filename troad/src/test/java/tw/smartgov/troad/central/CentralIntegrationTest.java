package tw.smartgov.troad.central;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tw.smartgov.CentralTestApplication;
import tw.smartgov.trust.testing.TestNodeProperties;

/**
 * Base of the central server's integration tests: trust and T-Road on a random port, on a
 * throwaway PostgreSQL database, with a fresh keystore per test JVM, called over real HTTP.
 */
@SpringBootTest(classes = CentralTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CentralIntegrationTest {
    private static final String DATA_DIR = tempDir();
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestNodeProperties.register(registry, DATA_DIR);
    }

    /** A member code no other test uses, as tests share one database. */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
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

    HttpResponse<String> put(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
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

    /** Registers a member and one subsystem over the API; returns the subsystem id. */
    String memberWithSubsystem(String memberCode, String subsystem) {
        String member = "TW/GOV/" + memberCode;
        post("/admin/troad/members", "application/json", "{\"id\":\"" + member + "\",\"name\":\"測試機關 Test agency\"}");
        post("/admin/troad/subsystems", "application/json", "{\"id\":\"" + member + "/" + subsystem + "\"}");
        return member + "/" + subsystem;
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("smartgov-troad-central-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
