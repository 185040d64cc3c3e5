package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class Es256NoncesTest {
    private static final BigInteger N =
            Es256Properties.KEY_PARAMETERS.getParameters().getN();

    @Test
    void keepsNoncesReadyAndHandsEachOutOnce() throws Exception {
        var nonces = new Es256Nonces(Es256Properties.KEY_PARAMETERS);
        assertThat(nonces.readyCount()).isZero(); // nothing computed for a key that never signs

        Set<BigInteger> seen = new HashSet<>();
        seen.add(nonces.take().r()); // computed on this thread, and starts the refill
        awaitReady(nonces, Es256Nonces.CAPACITY);
        for (int i = 0; i < 3 * Es256Nonces.CAPACITY; i++) {
            Es256Nonces.Nonce nonce = nonces.take();
            assertThat(nonce.r()).isBetween(BigInteger.ONE, N.subtract(BigInteger.ONE));
            assertThat(nonce.kInverse()).isBetween(BigInteger.ONE, N.subtract(BigInteger.ONE));
            seen.add(nonce.r());
        }
        assertThat(seen).hasSize(3 * Es256Nonces.CAPACITY + 1);

        // After the burst the pool may rest anywhere above half (a take while a refill was ending
        // starts none); taking it down to half, with no refill running, brings it back to capacity.
        await().atMost(Duration.ofSeconds(10)).until(() -> !nonces.refilling());
        do {
            assertThat(seen.add(nonces.take().r())).isTrue();
        } while (nonces.readyCount() > Es256Nonces.CAPACITY / 2);
        awaitReady(nonces, Es256Nonces.CAPACITY);
    }

    @Test
    void aBatchSignerComputesTheReplacementOfEachNonceItTookUpToTheCapacity() {
        var nonces = new Es256Nonces(Es256Properties.KEY_PARAMETERS);
        nonces.computeOne();
        nonces.computeOne();
        assertThat(nonces.readyCount()).isEqualTo(2);
        for (int i = 0; i < Es256Nonces.CAPACITY; i++) {
            nonces.computeOne();
        }
        assertThat(nonces.readyCount()).isEqualTo(Es256Nonces.CAPACITY);
    }

    @Test
    void signaturesOfOneKeyMadeConcurrentlyAllVerifyAndShareNoNonce() throws Exception {
        var nonces = new Es256Nonces(Es256Properties.KEY_PARAMETERS);
        int threads = 8;
        int each = 50;
        Set<BigInteger> rs = ConcurrentHashMap.newKeySet();
        List<Future<?>> signers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                signers.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        byte[] input = ("message " + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
                        byte[] signature = Es256.sign(Es256Properties.KEY_PARAMETERS, nonces, input);
                        assertThat(Es256.verifies(Es256Properties.KEY, input, signature))
                                .isTrue();
                        rs.add(new BigInteger(1, Arrays.copyOf(signature, 32)));
                    }
                    return null;
                }));
            }
            for (Future<?> signer : signers) {
                signer.get();
            }
        }
        assertThat(rs).hasSize(threads * each);
    }

    @Test
    void aNonceNeverPrintsItsSecrets() {
        Es256Nonces.Nonce nonce = new Es256Nonces(Es256Properties.KEY_PARAMETERS).take();

        String printed = nonce.toString() + " " + String.valueOf(nonce);
        for (BigInteger secret : List.of(nonce.kInverse(), nonce.kInverseDR(), nonce.r())) {
            for (int radix : new int[] {10, 16}) {
                assertThat(printed).doesNotContainIgnoringCase(secret.toString(radix));
            }
            assertThat(printed)
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(secret.toByteArray()))
                    .doesNotContain(java.util.HexFormat.of().formatHex(secret.toByteArray()));
        }
        assertThat(printed).doesNotContainPattern("[0-9a-fA-F]{16}").doesNotContainPattern("[0-9]{10}");
    }

    private static void awaitReady(Es256Nonces nonces, int count) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> nonces.readyCount() >= count);
        assertThat(nonces.readyCount()).isEqualTo(count);
    }
}
