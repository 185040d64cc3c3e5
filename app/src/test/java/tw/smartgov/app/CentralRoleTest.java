package tw.smartgov.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tw.smartgov.trust.log.TreeHeadPublisher;
import tw.smartgov.trust.testing.TestDatabase;

/** The central role on the local PostgreSQL: migrations, health, and deny-by-default access rules. */
class CentralRoleTest {
    static final String ADMIN_PASSWORD = "central-test-admin";

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext context;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCentral() {
        context = ServerRole.CENTRAL.start(Map.of(
                "spring.datasource.url",
                TestDatabase.url(),
                "spring.datasource.username",
                TestDatabase.user(),
                "smartgov.data-dir",
                dataDir.toString(),
                "smartgov.trust.keystore-password",
                "central-test-keystore",
                "smartgov.admin.password",
                ADMIN_PASSWORD,
                "server.port",
                0));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void runsOnPostgresql() throws Exception {
        var health = get("/actuator/health/readiness");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", "Authorization", basic(ADMIN_PASSWORD))
                        .body())
                .contains("PostgreSQL");
    }

    @Test
    void metricsNeedTheAdminUser() throws Exception {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", basic("wrong")).statusCode())
                .isEqualTo(401);
        var metrics = get("/actuator/prometheus", "Authorization", basic(ADMIN_PASSWORD));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("role=\"central\"");
    }

    @Test
    void theTRoadCatalogGlobalConfigurationAndAnchorArePublic() throws Exception {
        assertThat(get("/troad/catalog").statusCode()).isEqualTo(200);
        assertThat(get("/troad/globalconf").statusCode()).isEqualTo(200);
        assertThat(get("/troad/anchor.json").body()).contains("signerCertificateSha256");
        assertThat(get("/admin/troad/members").statusCode()).isEqualTo(401);
    }

    @Test
    void registrationIsPublicButRefusesABadToken() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/troad/registration"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"nope\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(400, 401);
        assertThat(response.body()).contains("\"code\"").doesNotContain("Realm");
    }

    @Test
    void anythingNotListedIsDenied() throws Exception {
        assertThat(get("/no/such/thing").statusCode()).isEqualTo(401);
        assertThat(get("/no/such/thing", "Authorization", basic(ADMIN_PASSWORD)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void evidenceExportedOverHttpVerifiesOfflineAndATamperedCopyDoesNot() throws Exception {
        var append = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/admin/trust/logs/central-test/entries"))
                        .header("Authorization", basic(ADMIN_PASSWORD))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("申請 #1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(append.statusCode()).isEqualTo(201);
        context.getBean(TreeHeadPublisher.class).publish("central-test");

        Path root = dataDir.resolve("root.pem");
        Files.writeString(root, get("/trust/ca/root.pem").body());
        Path evidence = dataDir.resolve("inclusion.json");
        Files.writeString(
                evidence,
                get("/trust/logs/central-test/proofs/inclusion?index=0").body());

        assertThat(verify("inclusion", "--anchor", root.toString(), evidence.toString()))
                .isZero();
        Files.writeString(
                evidence, Files.readString(evidence).replaceFirst("\"entry\":\"[^\"]+\"", "\"entry\":\"AAAA\""));
        assertThat(verify("inclusion", "--anchor", root.toString(), evidence.toString()))
                .isEqualTo(1);
    }

    @Test
    void aFormTypeBodyWithoutCsrfTokenIsRefusedWithAnExplanation() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/admin/trust/logs/central-test/entries"))
                        .header("Authorization", basic(ADMIN_PASSWORD))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF_TOKEN_REQUIRED", "application/octet-stream");
    }

    static int verify(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return SmartGov.commandLine().execute(all);
    }

    static String base() {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void errorsCarryNoStackTrace() throws Exception {
        var response = get("/admin/no-such-endpoint", "Authorization", basic(ADMIN_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception", "at tw.smartgov");
    }
}
