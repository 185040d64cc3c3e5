package tw.smartgov.trust.signature;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.jspecify.annotations.Nullable;

/**
 * ECDSA nonces of one P-256 key, computed before the signatures that use them. The multiplication
 * {@code kG} is most of what a signature costs (~0.1 ms here); with a nonce ready, a signature is
 * a hash and a few modular multiplications on the signing thread, which at a moderate rate is on
 * the critical path of every T-Road exchange, twice. One background thread, shared by all keys,
 * keeps up to {@value #CAPACITY} nonces of each key ready, refilling when half are used; when
 * none is ready (the first signature, a burst) the nonce is computed on the signing thread.
 *
 * <p>A nonce does not depend on the message, so it cannot be derived from it as RFC 6979 does.
 * Each is derived instead with RFC 6979's HMAC-DRBG from the private key and 32 fresh bytes of
 * {@link SecureRandom} with a counter ("hedged"): predicting one needs the key, and two equal ones
 * would need the random source to repeat itself exactly and the counter too. Each nonce is used
 * once and, like the key, never leaves this process's memory.
 */
final class Es256Nonces {
    static final int CAPACITY = 64;
    private static final ExecutorService REFILL = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("es256-nonces").daemon(true).unstarted(task));

    /**
     * {@code r = x(kG) mod n} and {@code k⁻¹ mod n} of one nonce {@code k}. Not a record: a
     * record's {@code toString} would print {@code k⁻¹}, and one logged nonce with the signature
     * made with it gives the private key away ({@code d = (s·k − e)·r⁻¹}). Nothing here prints
     * either value; identity equality.
     */
    static final class Nonce {
        private final BigInteger r;
        private final BigInteger kInverse;

        private Nonce(BigInteger r, BigInteger kInverse) {
            this.r = r;
            this.kInverse = kInverse;
        }

        /**
         * The nonce {@code k} (in {@code [1, n-1]}) as a signature uses it, or null if {@code
         * x(kG) mod n} is 0 and k cannot be used.
         */
        static @Nullable Nonce of(BigInteger k, ECDomainParameters domain, ECMultiplier multiplier) {
            BigInteger n = domain.getN();
            ECPoint point = multiplier.multiply(domain.getG(), k).normalize();
            BigInteger r = point.getAffineXCoord().toBigInteger().mod(n);
            return r.signum() == 0 ? null : new Nonce(r, BigIntegers.modOddInverse(n, k));
        }

        BigInteger r() {
            return r;
        }

        BigInteger kInverse() {
            return kInverse;
        }

        @Override
        public String toString() {
            return "Nonce[secret]";
        }
    }

    private final ECPrivateKeyParameters key;
    private final ConcurrentLinkedQueue<Nonce> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger readyCount = new AtomicInteger();
    private final AtomicBoolean refilling = new AtomicBoolean();
    private final AtomicLong counter = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();

    Es256Nonces(ECPrivateKeyParameters key) {
        this.key = key;
    }

    /** A nonce never handed out before: a ready one if there is, else one computed now. */
    Nonce take() {
        Nonce nonce = ready.poll();
        if (nonce == null) {
            nonce = compute();
        } else {
            readyCount.decrementAndGet();
        }
        if (readyCount.get() <= CAPACITY / 2 && refilling.compareAndSet(false, true)) {
            REFILL.execute(this::refill);
        }
        return nonce;
    }

    /** Adds one nonce computed on the calling thread, unless {@value #CAPACITY} are ready. */
    void computeOne() {
        if (readyCount.get() < CAPACITY) {
            ready.add(compute());
            readyCount.incrementAndGet();
        }
    }

    /** How many nonces are ready now. */
    int readyCount() {
        return readyCount.get();
    }

    private void refill() {
        try {
            while (readyCount.get() < CAPACITY) {
                computeOne();
            }
        } finally {
            refilling.set(false);
        }
    }

    private Nonce compute() {
        while (true) {
            Nonce nonce = Nonce.of(nextK(key.getParameters().getN()), key.getParameters(), multiplier);
            if (nonce != null) {
                return nonce;
            }
        }
    }

    private BigInteger nextK(BigInteger n) {
        byte[] seed = new byte[32 + Long.BYTES];
        random.nextBytes(seed);
        ByteBuffer.wrap(seed, 32, Long.BYTES).putLong(counter.incrementAndGet());
        var calculator = new HMacDSAKCalculator(new SHA256Digest());
        calculator.init(n, key.getD(), Es256.sha256(seed));
        return calculator.nextK();
    }
}
