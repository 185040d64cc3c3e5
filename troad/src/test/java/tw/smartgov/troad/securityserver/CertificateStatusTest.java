package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.troad.securityserver.TRoadNetwork.APP;
import static tw.smartgov.troad.securityserver.TRoadNetwork.B;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.RevocationReason;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * Revoked and expired certificates on the T-Road data path: a client security server (member A,
 * subsystem app) calls a provider security server (member B, subsystem registry) on loopback; the
 * CA's live CRL is the revocation source of both.
 *
 * <p>Each test gets a network of its own ({@link Road}, on {@link TRoadNetwork}): its own identities,
 * servers, backend, clock and global configuration; only the CA (slow to create) is shared. Connections between security servers are pooled
 * and a TLS connection is authenticated once, at its handshake: a change of certificate status is
 * therefore asserted through a <em>fresh</em> client security server ({@link Road#freshClient()}),
 * which must open a new connection with a full handshake. What an already-open connection does is
 * pinned by {@link #anAlreadyOpenConnectionToARevokedProviderKeepsCarryingRequestsUntilItIsClosed()}.
 */
class CertificateStatusTest {
    private static final String PERSON_PATH = "/r1/TW/GOV/B/registry/person/persons/1";
    private static final String SSL_FAILED = "Server.ClientProxy.SslAuthenticationFailed";
    private static final Duration SHORT_VALIDITY = Duration.ofSeconds(6);

    private static CertificateAuthority ca;

    private final List<Road> roads = new ArrayList<>();

    @BeforeAll
    static void startCa() {
        ca = TestPki.newCa();
    }

    @AfterEach
    void stopServers() {
        roads.forEach(Road::close);
    }

    @Test
    void theSetupWorksWhileNoCertificateIsRevokedOrExpired() {
        var road = road(null, null);
        int calls = road.backend.calls();

        assertOk(road.call());
        assertOk(road.freshClient().call());

        assertThat(road.backend.calls()).isEqualTo(calls + 2);
        assertThat(road.clientLog.records()).hasSize(2);
        assertThat(road.providerLog.records()).hasSize(2);
    }

    @Test
    void aProviderWhoseTlsCertificateIsRevokedIsRefusedByTheClientSideWithoutCallingTheBackend() {
        var road = road(null, null);
        assertOk(road.call());

        revoke(road.providerTls);
        int calls = road.backend.calls();
        var response = road.freshClient().call();

        assertError(response, SSL_FAILED);
        assertThat(road.backend.calls()).isEqualTo(calls);
        assertThat(road.providerLog.records()).hasSize(1);
    }

    @Test
    void aClientWhoseTlsCertificateIsRevokedIsRefusedByTheProviderSide() {
        var road = road(null, null);
        assertOk(road.call());

        revoke(road.clientTls);
        int calls = road.backend.calls();
        var response = road.freshClient().call();

        // the provider aborts the handshake (certificate_revoked alert): the client sees a TLS failure
        assertError(response, SSL_FAILED);
        assertThat(response.body()).contains("TLS with " + B.encoded());
        assertThat(road.backend.calls()).isEqualTo(calls);
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
        int calls = road.backend.calls();
        var response = road.call();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR)).hasValue("Client.InvalidSignatureValue");
        assertThat(road.backend.calls()).isEqualTo(calls);
        assertThat(road.providerLog.records()).hasSize(1);
    }

    @Test
    void anExpiredProviderTlsCertificateIsRefusedAtTheHandshake() {
        var road = road(SHORT_VALIDITY, null);
        assertOk(road.call());

        road.passExpiryOf(road.providerTls);
        int calls = road.backend.calls();
        var response = road.freshClient().call();

        assertError(response, SSL_FAILED);
        assertThat(road.backend.calls()).isEqualTo(calls);
    }

    @Test
    void anExpiredClientTlsCertificateIsRefusedAtTheHandshake() {
        var road = road(null, SHORT_VALIDITY);
        assertOk(road.call());

        road.passExpiryOf(road.clientTls);
        int calls = road.backend.calls();
        var response = road.freshClient().call();

        assertError(response, SSL_FAILED);
        assertThat(road.backend.calls()).isEqualTo(calls);
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
        int calls = road.backend.calls();
        var response = road.call();

        assertError(response, "Server.ServerProxy.SslAuthenticationFailed");
        assertThat(response.body()).contains("revoked");
        assertThat(road.backend.calls()).isEqualTo(calls);
        assertThat(road.providerLog.records()).hasSize(1);
    }

    @Test
    void aNewConnectionAfterRevocationDoesNotResumeTheEarlierTlsSession() throws Exception {
        var road = road(null, null);
        road.closeIdleProviderConnectionsAfter(Duration.ofMillis(200));
        assertOk(road.call());
        road.awaitNoProviderConnection(); // the provider closed it; the same client reconnects

        revoke(road.providerTls);
        int calls = road.backend.calls();
        var response = road.call();

        assertError(response, SSL_FAILED);
        assertThat(road.backend.calls()).isEqualTo(calls);
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
        assertThat(response.body()).startsWith("GET /api/persons/1\n"); // the backend's echo
    }

    private static void assertError(HttpResponse<String> response, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR))
                .as(response.body())
                .hasValue(type);
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").doesNotContain("at tw.smartgov");
    }

    /**
     * A network of its own ({@link TRoadNetwork}) on the shared CA, with its own identities, backend
     * and clock, named as this test speaks of it: a client server of A and a provider server of B.
     */
    private static final class Road implements AutoCloseable {
        final OffsetClock clock = new OffsetClock();
        final TRoadNetwork network;
        final SigningIdentity clientTls;
        final SigningIdentity clientSigning;
        final SigningIdentity providerTls;
        final SigningIdentity providerSigning;
        final RecordingLog clientLog;
        final RecordingLog providerLog;
        final Backend backend;

        Road(@Nullable Duration providerTlsValidity, @Nullable Duration clientTlsValidity) {
            var builder = TRoadNetwork.builder().ca(ca).clock(clock).readTimeout(Duration.ofSeconds(2));
            if (providerTlsValidity != null) {
                builder.providerTlsValidity(providerTlsValidity);
            }
            if (clientTlsValidity != null) {
                builder.clientTlsValidity(clientTlsValidity);
            }
            network = builder.build();
            clientTls = network.aTls;
            clientSigning = network.aSign;
            providerTls = network.bTls;
            providerSigning = network.bSign;
            clientLog = network.clientLog;
            providerLog = network.providerLog;
            backend = network.backend;
        }

        /**
         * Replaces the client security server by a new one with the same identities: a new TLS
         * context, so no pooled connection and no TLS session to resume.
         */
        Road freshClient() {
            network.restartClient();
            return this;
        }

        /** Restarts the client server (same identities) with connections to peers reused this long. */
        void limitPeerConnectionAge(Duration maxAge) {
            network.restartClient(maxAge);
        }

        /** Test seam: the provider side closes connections idle this long (set before connecting). */
        void closeIdleProviderConnectionsAfter(Duration idle) throws ReflectiveOperationException {
            var field = DataPath.class.getDeclaredField("providerConnector");
            field.setAccessible(true);
            ((ServerConnector) field.get(network.b.dataPath())).setIdleTimeout(idle.toMillis());
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
            assertThat(Await.until(() -> network.b.providerConnectionProtocols().isEmpty(), Duration.ofSeconds(10)))
                    .isTrue();
        }

        HttpResponse<String> call() {
            var request = HttpRequest.newBuilder(URI.create(network.a.clientUri() + PERSON_PATH))
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

        @Override
        public void close() {
            network.close();
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
}
