package tw.smartgov.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tw.smartgov.web.PageAccessibility;

/** Keeps {@code smartgov dev} working on its embedded H2 database, as a newcomer first sees it. */
class DevRoleSmokeTest {
    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext context;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startDev() {
        var command = new DevCommand();
        command.dataDir = dataDir;
        command.port = 0;
        context = ServerRole.DEV.start(new HashMap<>(command.settings()));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    String base() {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET as the dev admin, whose password {@code smartgov dev} generated into its data directory. */
    HttpResponse<String> getAsAdmin(String path) throws Exception {
        String password = Files.readAllLines(dataDir.resolve(DevSecrets.FILE)).stream()
                .filter(line -> line.startsWith("smartgov.admin.password="))
                .findFirst()
                .orElseThrow()
                .substring("smartgov.admin.password=".length());
        String basic = java.util.Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Basic " + basic)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startPageSaysWhatIsRunningInTraditionalChineseFirstAndEnglishOnRequest() throws Exception {
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("lang=\"zh-Hant-TW\"", "信任服務", "/troad/catalog", "href=\"/admin/troad\">登入</a>");
        var english = get("/?lang=en");
        assertThat(english.body()).contains("lang=\"en\"", "Trust services", "/troad/catalog");
        assertThat(english.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("smartgov-lang=en"));
    }

    @Test
    void everyPagePassesTheAccessibilityChecksInBothLanguages() throws Exception {
        for (String path : new String[] {"/", "/troad/catalog", "/admin/troad", "/admin/troad/security-server"}) {
            for (String lang : new String[] {"zh-TW", "en"}) {
                var page = getAsAdmin(path + "?lang=" + lang);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(PageAccessibility.problems(page.body()))
                        .as(path + " in " + lang)
                        .isEmpty();
                assertThat(PageAccessibility.csrfProblems(page.body())).as(path).isEmpty();
                assertThat(page.body()).as(path).contains(lang.equals("en") ? "lang=\"en\"" : "lang=\"zh-Hant-TW\"");
            }
        }
        assertThat(getAsAdmin("/admin/troad").body()).contains("已登入：admin");
    }

    @Test
    void theDesignSystemAndTheBrandAreServedToAnyone() throws Exception {
        for (String asset : new String[] {
            "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css", "/css/smartgov.css", "/js/smartgov.js"
        }) {
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void theDemoAgenciesExchangeDataOverTRoad() throws Exception {
        var nodes = context.getBean(tw.smartgov.app.demo.DemoAccess.class).nodes();
        assertThat(nodes).hasSize(4);
        String ndc = nodes.getFirst().clientUri().toString();
        var record = http.send(
                HttpRequest.newBuilder(URI.create(ndc + "/r1/TW/GOV/MOI/household/person-record/persons/A123456789"))
                        .header("X-Road-Client", "TW/GOV/NDC/mydata")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        assertThat(record.body()).contains("王小明");
        assertThat(record.headers().firstValue("X-Road-Request-Hash")).isPresent();

        var denied = http.send(
                HttpRequest.newBuilder(URI.create(ndc + "/r1/TW/GOV/MOI/household/person-record/persons/A123456789"))
                        .header("X-Road-Client", "TW/GOV/NDC/portal")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("X-Road-Error")).hasValue("Server.ServerProxy.AccessDenied");
    }

    @Test
    void healthIsUpOnTheEmbeddedDatabase() throws Exception {
        var health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "H2");
    }

    @Test
    void generatesItsSecretsAtFirstStartReadableByTheOwnerOnly() throws Exception {
        Path secrets = dataDir.resolve(DevSecrets.FILE);
        assertThat(Files.readString(secrets)).contains("smartgov.trust.keystore-password=", "smartgov.admin.password=");
        assertThat(Files.getPosixFilePermissions(secrets).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }
}
