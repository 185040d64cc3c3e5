package tw.smartgov.trust.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

class TimeStampClientTest {
    static final TestPki PKI = new TestPki("Client Test");
    static final TimeStampAuthority TSA = new TimeStampAuthority(PKI.tsa("Client Test TSA"));
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final byte[] DATA = "a building permit".getBytes(StandardCharsets.UTF_8);

    final TimeStampVerifier verifier = new TimeStampVerifier(PKI.rootCertificate());

    @Test
    void stampsWithAStandardTsaOverHttp() {
        try (var tsa = new FakeTsa(TSA::respond);
                var client = new TimeStampClient(tsa.url(), verifier, TIMEOUT, TIMEOUT)) {
            TimeStamp stamp = client.stamp(DATA);

            assertThat(verifier.verify(stamp.encoded(), DATA).serialNumber())
                    .isEqualTo(stamp.verified().serialNumber());
        }
    }

    @Test
    void aTsaThatIsDownIsUnavailableWithinTheTimeout() throws IOException {
        URI closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/tsa");
        }
        try (var client = new TimeStampClient(closedPort, verifier, TIMEOUT, TIMEOUT)) {
            assertFailsWithin(() -> client.stamp(DATA), TrustError.TSA_UNAVAILABLE, Duration.ofSeconds(2));
        }
    }

    @Test
    void aSlowTsaIsUnavailableWithinTheTimeout() {
        var clientGaveUp = new CountDownLatch(1);
        try (var tsa = new FakeTsa(query -> {
                    awaitAtMost(clientGaveUp, Duration.ofSeconds(10)); // beyond the 1 s deadline (connect + read)
                    return TSA.respond(query);
                });
                var client = new TimeStampClient(tsa.url(), verifier, TIMEOUT, TIMEOUT)) {
            try {
                assertFailsWithin(() -> client.stamp(DATA), TrustError.TSA_UNAVAILABLE, Duration.ofSeconds(2));
            } finally {
                clientGaveUp.countDown();
            }
        }
    }

    @Test
    void aReplayedOldResponseIsRejectedForItsNonce() {
        var first = new AtomicReference<byte[]>();
        try (var tsa = new FakeTsa(query -> first.updateAndGet(old -> old != null ? old : TSA.respond(query)));
                var client = new TimeStampClient(tsa.url(), verifier, TIMEOUT, TIMEOUT)) {
            client.stamp(DATA);

            assertThatThrownBy(() -> client.stamp(DATA))
                    .isInstanceOfSatisfying(
                            TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.TIMESTAMP_INVALID))
                    .hasMessageContaining("nonce mismatch");
        }
    }

    @Test
    void aRejectionNamesTheTsaStatusString() {
        try (var tsa = new FakeTsa(query -> TSA.respond("garbage".getBytes()));
                var client = new TimeStampClient(tsa.url(), verifier, TIMEOUT, TIMEOUT)) {
            assertThatThrownBy(() -> client.stamp(DATA))
                    .isInstanceOfSatisfying(
                            TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.TIMESTAMP_INVALID))
                    .hasMessageContaining("the request is not a DER TimeStampReq");
        }
    }

    @Test
    void aTokenFromAnUntrustedTsaIsRejected() {
        var foreign = new TimeStampAuthority(new TestPki("Foreign").tsa("Foreign TSA"));
        try (var tsa = new FakeTsa(foreign::respond);
                var client = new TimeStampClient(tsa.url(), verifier, TIMEOUT, TIMEOUT)) {
            assertThatThrownBy(() -> client.stamp(DATA))
                    .isInstanceOfSatisfying(
                            TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.TIMESTAMP_INVALID))
                    .hasMessageContaining("does not chain");
        }
    }

    @Test
    void aDigestOfTheWrongLengthIsRefusedBeforeAnyRequest() {
        try (var client = new TimeStampClient(URI.create("http://127.0.0.1:1/tsa"), verifier)) {
            assertThatThrownBy(() -> client.stamp(new byte[20], "SHA-256"))
                    .isInstanceOfSatisfying(
                            TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.INVALID_ARGUMENT));
            assertThatThrownBy(() -> client.stamp(new byte[20], "SHA-1"))
                    .isInstanceOfSatisfying(
                            TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.INVALID_ARGUMENT));
        }
    }

    static void assertFailsWithin(Runnable call, TrustError error, Duration limit) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(error));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
    }

    static void awaitAtMost(CountDownLatch latch, Duration limit) {
        try {
            latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
