package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.troad.securityserver.TRoadNetwork.APP;
import static tw.smartgov.troad.securityserver.TRoadNetwork.OTHER;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.config.AccessGrant;
import tw.smartgov.troad.securityserver.exchange.HeaderPart;
import tw.smartgov.troad.securityserver.exchange.TRoadHeaders;

class SecurityServerTest {
    private static final String PERSON = "/r1/TW/GOV/B/registry/person";
    private final TRoadNetwork t = TRoadNetwork.shared();

    @AfterEach
    void reset() {
        t.reset();
    }

    private HttpResponse<String> get(TestSecurityServer server, String path, String client) {
        return t.send(t.request(server, path)
                .header(XRoadHeaders.CLIENT, client)
                .GET()
                .build());
    }

    private HttpResponse<String> get(String path) {
        return get(t.a, path, APP.encoded());
    }

    private static void assertError(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR)).hasValue(type);
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").contains("\"message\":");
        assertThat(response.body()).doesNotContain("at tw.smartgov", "Exception");
    }

    @Test
    void getWithPathAndQueryReachesTheBackendWithHeadersAndSignedHash() {
        var response = t.send(t.request(t.a, PERSON + "/persons/1?q=a%20b&x=1")
                .header(XRoadHeaders.CLIENT, APP.encoded())
                .header(XRoadHeaders.ID, "id-42")
                .header(XRoadHeaders.USER_ID, "TW1234")
                .header("X-Custom", "kept as is")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "secret")
                .GET()
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("GET /api/persons/1?q=a%20b&x=1\n")
                .contains("x-custom: kept as is\n", "x-road-client: TW/GOV/A/app\n", "x-road-userid: TW1234\n")
                .contains("x-road-id: id-42\n")
                .doesNotContain("keep-alive", "proxy-authorization", "user-agent", "x-troad-");
        var headers = response.headers();
        assertThat(headers.firstValue("X-Echo")).hasValue("yes");
        assertThat(headers.firstValue(XRoadHeaders.CLIENT)).hasValue("TW/GOV/A/app");
        assertThat(headers.firstValue(XRoadHeaders.SERVICE)).hasValue("TW/GOV/B/registry/person");
        assertThat(headers.firstValue(XRoadHeaders.ID)).hasValue("id-42");
        assertThat(headers.firstValue(XRoadHeaders.REQUEST_ID)).isPresent();
        assertThat(headers.map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-troad-"));
        String hash = headers.firstValue(XRoadHeaders.REQUEST_HASH).orElseThrow();
        assertThat(Base64.getDecoder().decode(hash)).hasSize(64);

        var clientRecord = t.clientLog.recordsOf(response).getFirst();
        var providerRecord = t.providerLog.recordsOf(response).getFirst();
        assertThat(clientRecord.request().digestBase64()).isEqualTo(hash);
        assertThat(providerRecord.request().digestBase64()).isEqualTo(hash);
        assertThat(providerRecord.response().digestBase64())
                .isEqualTo(clientRecord.response().digestBase64());
        assertThat(HeaderPart.digest(
                        clientRecord.request().headerPart(),
                        clientRecord.request().bodyDigest()))
                .isEqualTo(clientRecord.request().digest());
        assertThat(clientRecord.path()).isEqualTo("/persons/1?q=a%20b&x=1");
        assertThat(clientRecord.status()).isEqualTo(200);
    }

    @Test
    void postBodyAndContentTypePassUnchanged() {
        String json = "{\"name\":\"王小明\",\"n\":1}";
        var response = t.send(t.request(t.a, PERSON + "/persons")
                .header(XRoadHeaders.CLIENT, APP.encoded())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("POST /api/persons\n").endsWith("\n\n" + json);
        assertThat(response.body()).contains("content-type: application/json\n");
        assertThat(response.headers().firstValue(XRoadHeaders.ID)).isPresent();
        assertThat(t.providerLog.recordsOf(response).getFirst().request().body())
                .isNotNull();
    }

    @Test
    void aClientWithoutAccessRightsIsDenied() {
        assertError(get(t.a, PERSON + "/persons/1", OTHER.encoded()), 403, "Server.ServerProxy.AccessDenied");
    }

    @Test
    void accessRightsLimitedToAMethodAndPathPrefix() {
        t.rights.grant(new AccessGrant(OTHER, TRoadNetwork.PERSON, "GET", "/public"));
        assertThat(get(t.a, PERSON + "/public/x", OTHER.encoded()).statusCode()).isEqualTo(200);
        assertError(get(t.a, PERSON + "/publicity", OTHER.encoded()), 403, "Server.ServerProxy.AccessDenied");
    }

    @Test
    void anUnknownServiceIsATypedError() {
        assertError(get("/r1/TW/GOV/B/registry/nothing/x"), 500, "Server.ServerProxy.UnknownService");
    }

    @Test
    void unknownProviderSubsystemsAndMembersAreTypedErrors() {
        assertError(get("/r1/TW/GOV/B/nope/person"), 500, "Server.ClientProxy.UnknownSubsystem");
        assertError(get("/r1/TW/GOV/Z/nope/person"), 500, "Server.ClientProxy.UnknownMember");
    }

    @Test
    void aMissingOrMalformedClientIsABadRequest() {
        var missing = t.send(t.request(t.a, PERSON).GET().build());
        assertError(missing, 400, "Client.BadRequest");
        assertError(get(t.a, PERSON, "TW/GOV"), 400, "Client.BadRequest");
        assertError(get(t.a, PERSON, "TW/GOV/A"), 400, "Client.BadRequest");
        assertError(get(t.a, "/r1/TW/GOV/B", APP.encoded()), 400, "Client.BadRequest");
        assertError(get(t.a, PERSON, "TW/GOV/A/unknown"), 400, "Client.InvalidClient");
    }

    @Test
    void whenOneOfTheProvidersServersIsDownTheNextOneAnswers() {
        t.addUnreachableServerBeforeB();
        var response = get(PERSON + "/persons/7");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("GET /api/persons/7");
        // the answer is pinned to the server that gave it: its signature verified against B's certificate
        assertThat(t.clientLog.recordsOf(response)).hasSize(1);
    }

    @Test
    void aProviderServerThatIsDownGivesANetworkErrorFast() {
        long start = System.nanoTime();
        assertError(get("/r1/TW/GOV/C/gone/svc"), 500, "Server.ClientProxy.NetworkError");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aBackendThatIsDownGivesServiceFailedFast() {
        long start = System.nanoTime();
        assertError(get("/r1/TW/GOV/B/registry/down"), 500, "Server.ServerProxy.ServiceFailed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aSlowBackendTimesOutWithinTheReadTimeout() {
        long start = System.nanoTime();
        assertError(get(PERSON + "/slow"), 500, "Server.ServerProxy.ServiceTimeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TRoadNetwork.READ_TIMEOUT.plusMillis(1_500));
    }

    @Test
    void aBackendErrorPassesThroughUntouched() {
        var response = get(PERSON + "/fail");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR)).isEmpty();
        assertThat(response.headers().firstValue("X-Backend")).hasValue("own-error");
        assertThat(response.body()).isEqualTo("{\"backend\":\"broken\"}");
    }

    @Test
    void aPeerWhoseTlsCertificateIsNotPinnedIsRefused() {
        var response = get(t.rogue, PERSON + "/persons/1", APP.encoded());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR).orElseThrow())
                .isIn("Server.ClientProxy.SslAuthenticationFailed", "Server.ClientProxy.NetworkError");
        assertThat(t.providerLog.recordsOf(response)).isEmpty();
    }

    @Test
    void aProviderServerPresentingAnotherCertificateThanThePinnedOneIsRefused() {
        assertError(get("/r1/TW/GOV/E/fake/svc"), 500, "Server.ClientProxy.SslAuthenticationFailed");
    }

    @Test
    void aResponseWhoseSignerTheConfigurationDoesNotPublishIsRejected() {
        t.withholdSigningChainOfB();
        var response = get(PERSON + "/persons/1");
        assertError(response, 500, "Server.ClientProxy.InvalidSignatureValue");
        assertThat(response.body()).doesNotContain("/api/persons").contains("not a certificate known here");
        assertThat(t.clientLog.recordsOf(response)).isEmpty();
    }

    @Test
    void aResponseChangedAfterSigningIsRejected() {
        t.tamperProviderResponses(headers -> headers.put("X-Echo", "forged"));
        var response = get(PERSON + "/persons/1");
        assertError(response, 500, "Server.ClientProxy.InvalidSignatureValue");
        assertThat(response.body()).doesNotContain("/api/persons");
        assertThat(t.clientLog.recordsOf(response)).isEmpty();
    }

    @Test
    void aMalformedOrWrongBodyLengthFromTheProviderIsATypedError() {
        t.tamperProviderResponses(headers -> headers.put(TRoadHeaders.BODY_LENGTH, "12abc"));
        assertError(get(PERSON + "/persons/1"), 500, "Server.ClientProxy.InconsistentResponse");
        t.tamperProviderResponses(headers -> headers.put(TRoadHeaders.BODY_LENGTH, "5"));
        var cut = get(PERSON + "/persons/1");
        assertError(cut, 500, "Server.ClientProxy.InvalidSignatureValue");
        assertThat(cut.body()).doesNotContain("/api/persons");
        t.reset();
        assertThat(get(PERSON + "/persons/1").statusCode()).isEqualTo(200);
    }

    @Test
    void aResponseToAnotherRequestIsRejected() {
        String otherHash = Base64.getEncoder().encodeToString(new byte[64]);
        t.tamperProviderResponses(headers -> headers.put(XRoadHeaders.REQUEST_HASH, otherHash));
        var response = get(PERSON + "/persons/1");
        assertError(response, 500, "Server.ClientProxy.InconsistentResponse");
        assertThat(response.body()).doesNotContain("/api/persons");
    }

    @Test
    void aFailingProviderMessageLogWithholdsTheResponse() {
        t.providerLog.failing = true;
        var response = get(PERSON + "/persons/1");
        assertError(response, 500, "Server.ServerProxy.MessageLogUnavailable");
        assertThat(response.body()).doesNotContain("/api/persons");
    }

    @Test
    void theResponseIsReleasedOnlyOnceTheProvidersRecordIsDurable() {
        // the provider sends its response while committing its record, and confirms it after
        t.providerLog.commitTime = Duration.ofMillis(300);
        var response = get(PERSON + "/persons/1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(t.providerLog.recordsOf(response)).hasSize(1);
        assertThat(t.clientLog.recordsOf(response)).hasSize(1);
    }

    @Test
    void aProviderRecordFailingAfterTheResponseWasSentWithholdsIt() {
        t.providerLog.commitTime = Duration.ofMillis(200);
        t.providerLog.failing = true;
        var response = get(PERSON + "/persons/1");
        assertError(response, 500, "Server.ServerProxy.MessageLogUnavailable");
        assertThat(response.body()).doesNotContain("/api/persons");
    }

    @Test
    void aFailingClientMessageLogWithholdsTheResponse() {
        t.clientLog.failing = true;
        var response = get(PERSON + "/persons/1");
        assertError(response, 500, "Server.ServerProxy.MessageLogUnavailable");
        assertThat(response.body()).doesNotContain("/api/persons");
    }

    @Test
    void anExpiredGlobalConfigurationWorksInGraceAndIsRefusedAfter() {
        t.expireConfiguration(Duration.ofMinutes(5));
        assertThat(get(PERSON + "/persons/1").statusCode()).isEqualTo(200);

        t.expireConfiguration(Duration.ofHours(2));
        assertError(get(PERSON + "/persons/1"), 500, "Server.ClientProxy.OutdatedGlobalConf");
    }

    @Test
    void everyExchangeIsTimedPerSideServiceClientAndOutcome() {
        get(PERSON + "/persons/1");
        get(t.a, PERSON + "/persons/1", OTHER.encoded());

        // an exchange is timed once its handler returns, possibly after the response reached the test
        var ok = t.meters.find("troad.requests").tags("side", "client", "outcome", "ok", "client", APP.encoded());
        assertThat(Await.until(() -> ok.timer() != null, Duration.ofSeconds(5))).isTrue();
        var denied =
                t.meters.find("troad.requests").tags("side", "provider", "outcome", "Server.ServerProxy.AccessDenied");
        assertThat(Await.until(() -> denied.timer() != null, Duration.ofSeconds(5)))
                .isTrue();
        assertThat(t.meters.find("troad.request.size").tags("side", "provider").summary())
                .isNotNull();
    }

    @Test
    void eachPhaseOfAnExchangeIsTimedOnBothSides() {
        // its own network: other tests' exchanges, finishing after they ended, would add to the meters
        try (var own = TRoadNetwork.ownNetwork()) {
            assertThat(own.send(own.request(own.a, PERSON + "/persons/1")
                                    .header(XRoadHeaders.CLIENT, APP.encoded())
                                    .GET()
                                    .build())
                            .statusCode())
                    .isEqualTo(200);
            var after = phaseCountsOnce(own, java.util.Map.of("client/send", 1L, "provider/send", 1L));
            for (String side : java.util.List.of("client", "provider")) {
                for (String phase : java.util.List.of("receive", "sign", "upstream", "verify", "log", "send")) {
                    assertThat(after.get(side + "/" + phase))
                            .as(side + " " + phase)
                            .isEqualTo(1);
                }
            }

            // refused by the provider before it reads the body (it times no phase of it): the client
            // side never gets to verify, log or send a response
            own.send(own.request(own.a, PERSON + "/persons/1")
                    .header(XRoadHeaders.CLIENT, OTHER.encoded())
                    .GET()
                    .build());
            var denied = phaseCountsOnce(own, java.util.Map.of("client/upstream", 2L));
            assertThat(denied.get("client/log")).isEqualTo(1);
            assertThat(denied.get("client/verify")).isEqualTo(1);
            assertThat(denied.get("provider/upstream")).isEqualTo(1);
        }
    }

    /** The counts once each phase named in {@code atLeast} reached its count (or after 5 s). */
    private static java.util.Map<String, Long> phaseCountsOnce(
            TRoadNetwork network, java.util.Map<String, Long> atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline
                && atLeast.entrySet().stream().anyMatch(e -> counts(e.getKey(), phaseCounts(network)) < e.getValue())) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return phaseCounts(network);
    }

    private static long counts(String phase, java.util.Map<String, Long> counts) {
        return counts.getOrDefault(phase, 0L);
    }

    private static java.util.Map<String, Long> phaseCounts(TRoadNetwork network) {
        var counts = new java.util.HashMap<String, Long>();
        for (var timer : network.meters.find("troad.exchange.phase").timers()) {
            counts.merge(timer.getId().getTag("side") + "/" + timer.getId().getTag("phase"), timer.count(), Long::sum);
        }
        return counts;
    }

    @Test
    void signaturesAndTheMessagesTheyCoverAreCounted() {
        double messagesBefore = t.meters.find("troad.signature.messages").functionCounters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        for (int i = 0; i < 3; i++) {
            assertThat(get(PERSON + "/persons/" + i).statusCode()).isEqualTo(200);
        }
        double messages = t.meters.find("troad.signature.messages").functionCounters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        double batches = t.meters.find("troad.signature.batches").functionCounters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        // each exchange signs its request on one server and its response on the other
        assertThat(messages - messagesBefore).isEqualTo(6);
        assertThat(batches).isPositive().isLessThanOrEqualTo(messages);
    }

    @Test
    void dotSegmentsInThePathAreABadRequest() {
        assertError(get(PERSON + "/a/%2e%2e/secret"), 400, "Client.BadRequest");
    }
}
