package tw.smartgov.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tw.smartgov.troad.securityserver.LoopbackPorts;
import tw.smartgov.trust.testing.TestDatabase;

/**
 * T-Road as agencies run it: a central server and two members' security servers, each a separate
 * SmartGov node with its own database and keys, on loopback. The members register with one-time
 * tokens, learn about each other only from the signed global configuration, and exchange data
 * over mutual TLS; the evidence of a call verifies offline.
 *
 * <p>Deliberately not on troad's test network ({@code TRoadNetwork}), which starts data paths with
 * identities and a global configuration the test hands them: what this test checks is the {@code
 * security-server} role as deployed, i.e. the path that network skips (enrolment with a one-time
 * token, the anchor, the configuration fetched and polled from the central server, the CA's CRL,
 * each node's own database and key vault).
 */
class TRoadNetworkTest {
    static final String ADMIN = "network-test-admin";
    static final String SERVICE = "TW/GOV/MOI/household/person-record";

    @TempDir
    static Path dir;

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static ConfigurableApplicationContext central;
    static ConfigurableApplicationContext moi;
    static ConfigurableApplicationContext ndc;
    static HttpServer backend;
    static int ndcClientPort;

    @BeforeAll
    static void startNetwork() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/persons/", exchange -> {
            byte[] body = ("{\"nationalId\":\""
                            + exchange.getRequestURI().getPath().substring(9) + "\",\"name\":\"王小明\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();

        central = ServerRole.CENTRAL.start(node("central", Map.of()));
        String centralUrl = url(central, "");
        post(central, "/admin/troad/members", "{\"id\":\"TW/GOV/MOI\",\"name\":\"內政部\"}");
        post(central, "/admin/troad/members", "{\"id\":\"TW/GOV/NDC\",\"name\":\"國發會\"}");
        post(central, "/admin/troad/subsystems", "{\"id\":\"TW/GOV/MOI/household\"}");
        post(central, "/admin/troad/subsystems", "{\"id\":\"TW/GOV/NDC/mydata\"}");
        post(central, "/admin/troad/subsystems", "{\"id\":\"TW/GOV/NDC/portal\"}");
        Path anchor = dir.resolve("anchor.json");
        Files.writeString(anchor, get(central, "/troad/anchor.json").body());

        moi = securityServer("TW/GOV/MOI", "TW/GOV/MOI/household", centralUrl, anchor, LoopbackPorts.free());
        ndcClientPort = LoopbackPorts.free();
        ndc = securityServer("TW/GOV/NDC", "TW/GOV/NDC/mydata,TW/GOV/NDC/portal", centralUrl, anchor, ndcClientPort);
        // MOI started before NDC registered: it learns NDC's certificates from the next configuration
        post(moi, "/admin/troad/security-server/global-configuration/refresh", "");

        post(
                moi,
                "/admin/troad/security-server/services",
                "{\"service\":\"" + SERVICE + "\",\"backend\":\"http://127.0.0.1:"
                        + backend.getAddress().getPort() + "\"}",
                "PUT");
        post(
                moi,
                "/admin/troad/security-server/access-rights",
                "{\"client\":\"TW/GOV/NDC/mydata\",\"service\":\"" + SERVICE + "\"}");
    }

    static ConfigurableApplicationContext securityServer(
            String member, String clients, String centralUrl, Path anchor, int clientPort) throws Exception {
        int providerPort = LoopbackPorts.free();
        String token = field(
                post(
                                central,
                                "/admin/troad/security-servers/tokens",
                                "{\"owner\":\"" + member
                                        + "\",\"code\":\"ss1\",\"address\":\"https://127.0.0.1:" + providerPort
                                        + "\",\"clients\":[\""
                                        + clients.replace(",", "\",\"") + "\"]}")
                        .body(),
                "token");
        String p = "smartgov.troad.security-server.";
        Map<String, Object> settings = new HashMap<>();
        settings.put(p + "member", member);
        settings.put(p + "clients", clients);
        settings.put(p + "central-url", centralUrl);
        settings.put(p + "anchor-file", anchor.toString());
        settings.put(p + "public-host", "127.0.0.1");
        settings.put(p + "bind-host", "127.0.0.1");
        settings.put(p + "client-port", clientPort);
        settings.put(p + "provider-port", providerPort);
        settings.put(p + "registration-token", token);
        settings.put(p + "poll-interval", "1s");
        return ServerRole.SECURITY_SERVER.start(node(member.replace('/', '-'), settings));
    }

    static Map<String, Object> node(String name, Map<String, Object> extra) throws Exception {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.put("spring.datasource.url", TestDatabase.newDatabaseUrl());
        settings.put("spring.datasource.username", TestDatabase.user());
        settings.put(
                "smartgov.data-dir", Files.createDirectories(dir.resolve(name)).toString());
        settings.put("smartgov.trust.keystore-password", name + "-keystore");
        settings.put("smartgov.trust.tree-head-interval", "1s");
        settings.put("smartgov.admin.password", ADMIN);
        settings.put("server.port", 0);
        return settings;
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {ndc, moi, central}) {
            if (context != null) {
                context.close();
            }
        }
        backend.stop(0);
    }

    HttpResponse<String> call(String client, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ndcClientPort + path))
                        .header("X-Road-Client", client)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMemberCallsAnotherMembersServiceThroughBothSecurityServers() throws Exception {
        var response = call("TW/GOV/NDC/mydata", "/r1/" + SERVICE + "/persons/A123456789");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("王小明", "A123456789");
        assertThat(response.headers().firstValue("X-Road-Service")).hasValue(SERVICE);
        assertThat(response.headers().firstValue("X-Road-Request-Hash")).isPresent();
    }

    @Test
    void aMemberJoiningLaterIsReachableWithoutRestartingAnyone() throws Exception {
        String service = "TW/GOV/BLI/insurance/insurance-record";
        post(central, "/admin/troad/members", "{\"id\":\"TW/GOV/BLI\",\"name\":\"勞保局\"}");
        post(central, "/admin/troad/subsystems", "{\"id\":\"TW/GOV/BLI/insurance\"}");
        var bli = securityServer(
                "TW/GOV/BLI",
                "TW/GOV/BLI/insurance",
                url(central, ""),
                dir.resolve("anchor.json"),
                LoopbackPorts.free());
        try {
            // BLI learns NDC from the configuration it fetched at start; NDC learns BLI by polling (1 s)
            post(
                    bli,
                    "/admin/troad/security-server/services",
                    "{\"service\":\"" + service + "\",\"backend\":\"http://127.0.0.1:"
                            + backend.getAddress().getPort() + "\"}",
                    "PUT");
            post(
                    bli,
                    "/admin/troad/security-server/access-rights",
                    "{\"client\":\"TW/GOV/NDC/mydata\",\"service\":\"" + service + "\"}");
            // NDC's node polls the central server on its own (system-clock) schedule: await the call
            HttpResponse<String> response = await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> call("TW/GOV/NDC/mydata", "/r1/" + service + "/persons/B287654321"),
                            r -> r.statusCode() == 200);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("B287654321");
        } finally {
            bli.close();
        }
    }

    @Test
    void anOperatorCanRefreshTheGlobalConfigurationAtOnce() throws Exception {
        var first = post(moi, "/admin/troad/security-server/global-configuration/refresh", "");
        long version = Long.parseLong(token(first.body(), "version"));
        assertThat(version).isPositive();
        assertThat(token(first.body(), "expired")).isEqualTo("false");

        post(central, "/admin/troad/members", "{\"id\":\"TW/GOV/MOF\",\"name\":\"財政部\"}");
        var second = post(moi, "/admin/troad/security-server/global-configuration/refresh", "");
        // the new member is in the configuration MOI applied, without waiting for its next poll
        assertThat(Long.parseLong(token(second.body(), "version"))).isGreaterThan(version);
        var third = post(moi, "/admin/troad/security-server/global-configuration/refresh", "");
        assertThat(token(third.body(), "applied")).isEqualTo("false");
    }

    @Test
    void aSubsystemWithoutAccessRightsIsDenied() throws Exception {
        var response = call("TW/GOV/NDC/portal", "/r1/" + SERVICE + "/persons/A123456789");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Road-Error")).hasValue("Server.ServerProxy.AccessDenied");
    }

    @Test
    void anUnknownServiceIsATypedError() throws Exception {
        var response = call("TW/GOV/NDC/mydata", "/r1/TW/GOV/MOI/household/no-such-service/x");
        assertThat(response.headers().firstValue("X-Road-Error")).hasValue("Server.ServerProxy.UnknownService");
        assertThat(response.body()).contains("\"type\"").doesNotContain("Exception");
    }

    @Test
    void listClientsComesFromTheGlobalConfiguration() throws Exception {
        var response = call("TW/GOV/NDC/mydata", "/listClients");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("MOI", "household", "NDC", "mydata");
    }

    @Test
    void theEvidenceOfACallVerifiesOfflineAndATamperedCopyDoesNot() throws Exception {
        var response = call("TW/GOV/NDC/mydata", "/r1/" + SERVICE + "/persons/F212345678");
        assertThat(response.statusCode()).isEqualTo(200);
        String xRoadId = response.headers().firstValue("X-Road-Id").orElseThrow();
        String log = logOf(ndc);

        var evidence = get(ndc, "/admin/troad/message-log/" + log + "/evidence?xRoadId=" + xRoadId);
        assertThat(evidence.statusCode()).as(evidence.body()).isEqualTo(200);
        Path file = dir.resolve("evidence.json");
        Files.writeString(file, evidence.body());
        // the central root alone: the log's heads are signed with NDC's central-issued certificate,
        // time-stamped by the central TSA, and the evidence carries the central CRL
        Path centralRoot = dir.resolve("central-root.pem");
        Files.writeString(centralRoot, get(central, "/trust/ca/root.pem").body());

        String[] verify = {"verify", "evidence", "--anchor", centralRoot.toString(), file.toString()};
        assertThat(SmartGov.commandLine().execute(verify)).isZero();

        Files.writeString(file, tamperFirstEntry(evidence.body()));
        assertThat(SmartGov.commandLine().execute(verify)).isEqualTo(1);
    }

    /** Changes the first character of the first logged entry, keeping it valid base64. */
    static String tamperFirstEntry(String evidence) {
        var matcher = Pattern.compile("(\"entry\"\\s*:\\s*\")(.)").matcher(evidence);
        assertThat(matcher.find()).as(evidence).isTrue();
        String replacement = matcher.group(2).equals("A") ? "B" : "A";
        return evidence.substring(0, matcher.start(2)) + replacement + evidence.substring(matcher.end(2));
    }

    static String logOf(ConfigurableApplicationContext node) throws Exception {
        var matcher = Pattern.compile("\"name\":\"(msglog-[a-z0-9-]+)\"")
                .matcher(get(node, "/trust/logs").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static String url(ConfigurableApplicationContext context, String path) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
    }

    static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(context, path)))
                        .header("Authorization", basic())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(ConfigurableApplicationContext context, String path, String json)
            throws Exception {
        return post(context, path, json, "POST");
    }

    static HttpResponse<String> post(ConfigurableApplicationContext context, String path, String json, String method)
            throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url(context, path)))
                        .header("Authorization", basic())
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return response;
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes(StandardCharsets.UTF_8));
    }

    static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }

    /** The unquoted value (number or boolean) of {@code name} in a flat JSON object. */
    static String token(String json, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*([-0-9a-z.]+)").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }
}
