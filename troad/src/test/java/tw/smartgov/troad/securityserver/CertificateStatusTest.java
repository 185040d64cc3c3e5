package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfiguration.MemberEntry;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.messagelog.InMemoryMessageLog;
import tw.smartgov.troad.messagelog.MessageLog;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.config.AccessGrant;
import tw.smartgov.troad.securityserver.config.AccessRights;
import tw.smartgov.troad.securityserver.config.InMemoryAccessRights;
import tw.smartgov.troad.securityserver.config.ProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.troad.securityserver.peers.PeerTrust;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.IssuanceRequest;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.RevocationReason;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsSigner;

/**
 * Revoked and expired certificates on the T-Road data path: a client security server (member A,
 * subsystem app) calls a provider security server (member B, subsystem registry) on loopback; the
 * CA's live CRL is the revocation source of both.
 *
 * <p>Each test gets its own identities, servers and global configuration ({@link Road}); only the
 * CA (slow to create) and the backend are shared. Connections between security servers are pooled
 * and a TLS connection is authenticated once, at its handshake: a change of certificate status is
 * therefore asserted through a <em>fresh</em> client security server ({@link Road#freshClient()}),
 * which must open a new connection with a full handshake. What an already-open connection does is
 * pinned by {@link #anAlreadyOpenConnectionToARevokedProviderKeepsCarryingRequestsUntilItIsClosed()}.
 */
class CertificateStatusTest {
    private static final MemberId A = new MemberId("TW", "GOV", "A");
    private static final MemberId B = new MemberId("TW", "GOV", "B");
    private static final SubsystemId APP = A.subsystem("app");
    private static final SubsystemId REGISTRY = B.subsystem("registry");
    private static final ServiceId PERSON = REGISTRY.service("person");
    private static final String PERSON_PATH = "/r1/TW/GOV/B/registry/person/persons/1";
    private static final String SSL_FAILED = "Server.ClientProxy.SslAuthenticationFailed";
    private static final Duration SHORT_VALIDITY = Duration.ofSeconds(6);

    private static CertificateAuthority ca;
    private static CountingBackend backend;

    private final List<Road> roads = new ArrayList<>();

    @BeforeAll
    static void startCaAndBackend() {
        ca = TestPki.newCa();
        backend = new CountingBackend();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @AfterEach
    void stopServers() {
        roads.forEach(Road::close);
    }

    @Test
    void theSetupWorksWhileNoCertificateIsRevokedOrExpired() {
        var road = road(null, null);
        int calls = backend.calls();

        assertOk(road.call());
        assertOk(road.freshClient().call());

        assertThat(backend.calls()).isEqualTo(calls + 2);
        assertThat(road.clientLog.records()).hasSize(2);
        assertThat(road.providerLog.records()).hasSize(2);
    }

    @Test
    void aProviderWhoseTlsCertificateIsRevokedIsRefusedByTheClientSideWithoutCallingTheBackend() {
        var road = road(null, null);
        assertOk(road.call());

        revoke(road.providerTls);
        int calls = backend.calls();
        var response = road.freshClient().call();

        assertError(response, SSL_FAILED);
        assertThat(backend.calls()).isEqualTo(calls);
        assertThat(road.providerLog.records()).hasSize(1);
    }

    @Test
    void aClientWhoseTlsCertificateIsRevokedIsRefusedByTheProviderSide() {
        var road = road(null, null);
        assertOk(road.call());

        revoke(road.clientTls);
        int calls = backend.calls();
        var response = road.freshClient().call();

        // the provider aborts the handshake (certificate_revoked alert): the client sees a TLS failure
        assertError(response, SSL_FAILED);
        assertThat(response.body()).contains("TLS with " + B.encoded());
        assertThat(backend.calls()).isEqualTo(calls);
        assertThat(road.providerLog.records()).hasSize(1);
    }

    @Test
    void responsesSignedWithARevokedProviderSigningCertificateAreRejectedByTheClientSide() {
        var road = road(null, null);
        assertOk(road.call());

        revoke(road.providerSigning);
        // the same client and its pooled connection: signatures are checked per message, and each
        // response is signed in a new batch, so the root remembered by BatchVerifier cannot help it
        var sameClient = road.call();
        var freshClient = road.freshClient().call();

        for (var response : List.of(sameClient, freshClient)) {
            assertError(response, "Server.ClientProxy.InvalidSignatureValue");
            assertThat(response.body()).contains("revoked").doesNotContain("GET /api/");
        }
        assertThat(road.clientLog.records()).hasSize(1);
    }

    @Test
    void requestsSignedWithARevokedClientSigningCertificateAreRefusedByTheProviderSide() {
        var road = road(null, null);
        assertOk(road.call());

        revoke(road.clientSigning);
        int calls = backend.calls();
        var response = road.call();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR)).hasValue("Client.InvalidSignatureValue");
        assertThat(backend.calls()).isEqualTo(calls);
        assertThat(road.providerLog.records()).hasSize(1);
    }

    @Test
    void anExpiredProviderTlsCertificateIsRefusedAtTheHandshake() {
        var road = road(SHORT_VALIDITY, null);
        assertOk(road.call());

        road.passExpiryOf(road.providerTls);
        int calls = backend.calls();
        var response = road.freshClient().call();

        assertError(response, SSL_FAILED);
        assertThat(backend.calls()).isEqualTo(calls);
    }

    @Test
    void anExpiredClientTlsCertificateIsRefusedAtTheHandshake() {
        var road = road(null, SHORT_VALIDITY);
        assertOk(road.call());

        road.passExpiryOf(road.clientTls);
        int calls = backend.calls();
        var response = road.freshClient().call();

        assertError(response, SSL_FAILED);
        assertThat(backend.calls()).isEqualTo(calls);
        assertThat(road.providerLog.records()).hasSize(1);
    }

    /**
     * Known behaviour: the client side authenticates a provider at the TLS handshake only. A pooled
     * connection opened before the provider's TLS certificate was revoked keeps carrying requests
     * until it is closed or older than the peer connection age limit (the responses on it are still
     * signed, and the signing certificate is checked for revocation per message); a new connection
     * is refused.
     */
    @Test
    void anAlreadyOpenConnectionToARevokedProviderKeepsCarryingRequestsUntilItIsClosed() {
        var road = road(null, null);
        assertOk(road.call());

        revoke(road.providerTls);

        assertOk(road.call());
        assertError(road.freshClient().call(), SSL_FAILED);
    }

    @Test
    void aConnectionToARevokedProviderIsNotReusedPastTheConnectionAgeLimit() {
        var road = road(null, null);
        road.limitPeerConnectionAge(Duration.ofMillis(300));
        assertOk(road.call());

        revoke(road.providerTls);

        // the pooled connection carries calls until it is too old, then a new handshake refuses
        assertError(awaitError(road), SSL_FAILED);
    }

    @Test
    void anAlreadyOpenConnectionFromARevokedClientIsRefusedByTheProviderSidePerRequest() {
        var road = road(null, null);
        assertOk(road.call());

        revoke(road.clientTls);
        int calls = backend.calls();
        var response = road.call();

        assertError(response, "Server.ServerProxy.SslAuthenticationFailed");
        assertThat(response.body()).contains("revoked");
        assertThat(backend.calls()).isEqualTo(calls);
        assertThat(road.providerLog.records()).hasSize(1);
    }

    @Test
    void aNewConnectionAfterRevocationDoesNotResumeTheEarlierTlsSession() throws Exception {
        var road = road(null, null);
        road.closeIdleProviderConnectionsAfter(Duration.ofMillis(200));
        assertOk(road.call());
        road.awaitNoProviderConnection(); // the provider closed it; the same client reconnects

        revoke(road.providerTls);
        int calls = backend.calls();
        var response = road.call();

        assertError(response, SSL_FAILED);
        assertThat(backend.calls()).isEqualTo(calls);
    }

    private Road road(@Nullable Duration providerTlsValidity, @Nullable Duration clientTlsValidity) {
        var road = new Road(providerTlsValidity, clientTlsValidity);
        roads.add(road);
        return road;
    }

    private static void revoke(SigningIdentity identity) {
        ca.revoke(identity.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
    }

    /** Calls until a call fails, for at most 10 s; returns the failed call. */
    private static HttpResponse<String> awaitError(Road road) {
        return Await.value(road::call, response -> response.statusCode() != 200, Duration.ofSeconds(10));
    }

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR)).isEmpty();
        assertThat(response.body()).isEqualTo("GET /api/persons/1");
    }

    private static void assertError(HttpResponse<String> response, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR))
                .as(response.body())
                .hasValue(type);
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").doesNotContain("at tw.smartgov");
    }

    private static SigningIdentity identity(CertificateProfile profile, @Nullable Duration validity) {
        KeyPair keys = TestPki.keyPair("EC", "secp256r1");
        var request = new IssuanceRequest(
                TestPki.csr(keys, "CN=security server"), profile, List.of("ss.test"), List.of(), validity);
        return new SigningIdentity(keys.getPrivate(), ca.issue(request));
    }

    /**
     * A client security server of A and a provider security server of B with their own identities,
     * a global configuration that pins them, and access for A's app to B's person service.
     */
    private static final class Road implements AutoCloseable {
        final SigningIdentity clientTls;
        final SigningIdentity clientSigning = identity(CertificateProfile.SIGNING, null);
        final SigningIdentity providerTls;
        final SigningIdentity providerSigning = identity(CertificateProfile.SIGNING, null);
        final OffsetClock clock = new OffsetClock();
        final InMemoryMessageLog clientLog = new InMemoryMessageLog();
        final InMemoryMessageLog providerLog = new InMemoryMessageLog();
        private final AtomicReference<GlobalConfiguration> conf = new AtomicReference<>(configuration(List.of()));
        private final TestSecurityServer provider;
        private TestSecurityServer client;

        Road(@Nullable Duration providerTlsValidity, @Nullable Duration clientTlsValidity) {
            providerTls = identity(CertificateProfile.TLS_PEER, providerTlsValidity);
            clientTls = identity(CertificateProfile.TLS_PEER, clientTlsValidity);
            var rights = new InMemoryAccessRights();
            rights.grant(AccessGrant.whole(APP, PERSON));
            provider = start(
                    B,
                    REGISTRY,
                    providerTls,
                    providerSigning,
                    providerLog,
                    ProvidedServices.of(Map.of(PERSON, backend.uri("/api"))),
                    rights,
                    Duration.ofMinutes(1));
            client = startClient();
            conf.set(configuration(List.of(
                    entry(A, client.providerAddress(), clientTls, clientSigning, APP),
                    entry(B, provider.providerAddress(), providerTls, providerSigning, REGISTRY))));
        }

        /**
         * Replaces the client security server by a new one with the same identities: a new TLS
         * context, so no pooled connection and no TLS session to resume. (The provider identifies it
         * by its pinned certificate, not by its address.)
         */
        Road freshClient() {
            client.close();
            client = startClient();
            return this;
        }

        /** Restarts the client server (same identities) with connections to peers reused this long. */
        void limitPeerConnectionAge(Duration maxAge) {
            client.close();
            client = startClient(maxAge);
        }

        /** Test seam: the provider side closes connections idle this long (set before connecting). */
        void closeIdleProviderConnectionsAfter(Duration idle) throws ReflectiveOperationException {
            var field = DataPath.class.getDeclaredField("providerConnector");
            field.setAccessible(true);
            ((ServerConnector) field.get(provider.dataPath())).setIdleTimeout(idle.toMillis());
        }

        /**
         * Moves both servers' clock past the end of {@code identity}'s validity: certificates are
         * checked against the servers' clock, so nobody waits for it to expire.
         */
        void passExpiryOf(SigningIdentity identity) {
            Instant expired = identity.certificate().getNotAfter().toInstant().plusMillis(200);
            clock.advance(Duration.between(clock.instant(), expired));
        }

        /** Waits (at most 10 s) until the provider port has no connection open. */
        void awaitNoProviderConnection() {
            assertThat(Await.until(() -> provider.providerConnectionProtocols().isEmpty(), Duration.ofSeconds(10)))
                    .isTrue();
        }

        HttpResponse<String> call() {
            var request = HttpRequest.newBuilder(URI.create(client.clientUri() + PERSON_PATH))
                    .header(XRoadHeaders.CLIENT, APP.encoded())
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            // a new HTTP client per call, closed after it: no idle connection delays stopping the server
            try (var http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()) {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private TestSecurityServer startClient() {
            return startClient(Duration.ofMinutes(1));
        }

        private TestSecurityServer startClient(Duration peerConnectionMaxAge) {
            return start(
                    A,
                    APP,
                    clientTls,
                    clientSigning,
                    clientLog,
                    ProvidedServices.of(Map.of()),
                    (c, s, m, p) -> false,
                    peerConnectionMaxAge);
        }

        private TestSecurityServer start(
                MemberId owner,
                SubsystemId subsystem,
                SigningIdentity tls,
                SigningIdentity signing,
                MessageLog log,
                ProvidedServices services,
                AccessRights rights,
                Duration peerConnectionMaxAge) {
            var settings = SecurityServerSettings.builder(owner)
                    .clients(List.of(subsystem))
                    .connectTimeout(Duration.ofSeconds(1))
                    .readTimeout(Duration.ofSeconds(2))
                    .peerConnectionMaxAge(peerConnectionMaxAge)
                    .build();
            return TestSecurityServer.start(
                    settings,
                    new TestSecurityServer.Parts(
                            tls,
                            signing,
                            conf::get,
                            ca.revocationSource(),
                            services,
                            rights,
                            log,
                            new SimpleMeterRegistry(),
                            clock));
        }

        private static SecurityServerEntry entry(
                MemberId owner, URI address, SigningIdentity tls, SigningIdentity signing, SubsystemId subsystem) {
            return new SecurityServerEntry(
                    "ss1",
                    owner,
                    address.toString(),
                    PeerTrust.sha256Hex(tls.certificate()),
                    PeerTrust.sha256Hex(signing.certificate()),
                    Pem.encode(new JwsSigner(signing).chain()),
                    List.of(subsystem));
        }

        private static GlobalConfiguration configuration(List<SecurityServerEntry> servers) {
            return new GlobalConfiguration(
                    "TW",
                    1,
                    Instant.now(),
                    Instant.now().plus(Duration.ofHours(1)),
                    List.of(
                            new MemberEntry(A, "Agency A", List.of("app")),
                            new MemberEntry(B, "Agency B", List.of("registry"))),
                    servers,
                    List.of(Pem.encode(List.of(ca.root()))),
                    List.of());
        }

        @Override
        public void close() {
            client.close();
            provider.close();
        }
    }

    /**
     * The real time plus an offset that a test moves forward: revocations happen in real time, and
     * expiry comes when the test says.
     */
    private static final class OffsetClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Answers every request with its method and path, and counts the calls. */
    private static final class CountingBackend implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger calls = new AtomicInteger();

        CountingBackend() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                try (exchange) {
                    calls.incrementAndGet();
                    byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI())
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        int calls() {
            return calls.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
