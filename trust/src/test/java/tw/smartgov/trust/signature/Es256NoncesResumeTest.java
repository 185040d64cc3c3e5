package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Nonces computed ahead are used once per process image: a resume from a snapshot (seen as the wall
 * clock jumping against the monotonic one) or age makes every ready nonce unusable.
 */
class Es256NoncesResumeTest {
    private static final long MS = 1_000_000;

    private final AtomicLong monotonicNanos = new AtomicLong(5_000 * MS);
    private final AtomicLong wallMillis = new AtomicLong(1_790_000_000_000L);
    private final List<Runnable> refills = new ArrayList<>(); // never run: the ready nonces are the test's own
    private final Es256Nonces nonces = new Es256Nonces(
            Es256Properties.KEY_PARAMETERS,
            new SecureRandom(),
            new NonceClock(monotonicNanos::get, wallMillis::get),
            refills::add);

    @Test
    void aResumeFromASnapshotDiscardsEveryNonceMadeBeforeIt() throws Exception {
        computeAhead(10);
        elapse(1, 30_000); // resumed 30 s later; the monotonic clock went on from the snapshot

        byte[] input = "after the resume".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Es256.sign(Es256Properties.KEY_PARAMETERS, nonces, input);

        assertThat(nonces.readyCount()).as("nonces made before the resume left").isZero();
        assertThat(jdkVerifies(input, signature)).isTrue(); // with a nonce computed now
    }

    @Test
    void noncesMadeAfterAResumeAreUsedAsUsual() {
        computeAhead(Es256Nonces.CAPACITY);
        elapse(2, 2 + 5_000);
        nonces.take();
        assertThat(nonces.readyCount()).isZero();

        computeAhead(3); // made after the resume
        elapse(1, 1);
        for (int left = 2; left >= 0; left--) {
            nonces.take();
            assertThat(nonces.readyCount()).isEqualTo(left);
        }
    }

    @Test
    void aWallClockStepBackDiscardsThemToo() {
        computeAhead(5);
        elapse(1, 1 - 60_000);
        nonces.take();
        assertThat(nonces.readyCount()).isZero();
    }

    @Test
    void aMonotonicClockOfAnotherBootDiscardsThem() {
        computeAhead(5);
        monotonicNanos.set(42 * MS); // a checkpoint restored on another host, outside a time namespace
        wallMillis.addAndGet(3);
        nonces.take();
        assertThat(nonces.readyCount()).isZero();
    }

    @Test
    void aNonceIsUsedOnlyWhileYoung() {
        computeAhead(5);
        long maxAge = NonceClock.MAX_AGE.toMillis();
        elapse(maxAge - 1, maxAge - 1);
        nonces.take();
        assertThat(nonces.readyCount()).as("one of the ready nonces was used").isEqualTo(4);

        elapse(2, 2);
        nonces.take();
        assertThat(nonces.readyCount()).as("all expired").isZero();
    }

    @Test
    void clocksThatDriftApartSlowlyKeepTheNonces() {
        computeAhead(5);
        elapse(300, 300 + NonceClock.MAX_JUMP.toMillis() - 5); // NTP slewing, a preempted thread
        nonces.take();
        assertThat(nonces.readyCount()).isEqualTo(4);
    }

    @Test
    void noncesDifferAcrossInstancesEvenIfTheRandomSourceRepeatsItself() {
        var repeating = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 7);
            }
        };
        Set<BigInteger> rs = new HashSet<>();
        for (int instance = 0; instance < 4; instance++) {
            var fresh = new Es256Nonces(
                    Es256Properties.KEY_PARAMETERS, repeating, new NonceClock(() -> 0, () -> 0), refills::add);
            for (int i = 0; i < 5; i++) {
                rs.add(fresh.take().r());
            }
        }
        assertThat(rs).hasSize(20);
    }

    private void computeAhead(int count) {
        for (int i = 0; i < count; i++) {
            nonces.computeOne();
        }
        assertThat(nonces.readyCount()).isEqualTo(count);
    }

    private void elapse(long monotonicMillis, long wallMillisElapsed) {
        monotonicNanos.addAndGet(monotonicMillis * MS);
        wallMillis.addAndGet(wallMillisElapsed);
    }

    private static boolean jdkVerifies(byte[] input, byte[] signature) throws Exception {
        var verify = Signature.getInstance("SHA256withECDSAinP1363Format");
        verify.initVerify(Es256Properties.KEY);
        verify.update(input);
        return verify.verify(signature);
    }
}
