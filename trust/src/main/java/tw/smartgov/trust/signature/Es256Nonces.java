package tw.smartgov.trust.signature;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ECDSA nonces of one P-256 key, computed before the signatures that use them. The multiplication
 * {@code kG} is most of what a signature costs (~0.1 ms here); with a nonce ready, a signature is
 * a hash and a few modular multiplications on the signing thread, which at a moderate rate is on
 * the critical path of every T-Road exchange, twice. One background thread, shared by all keys,
 * keeps up to {@value #CAPACITY} nonces of each key ready, refilling when half are used; when
 * none is ready (the first signature, a burst) the nonce is computed on the signing thread.
 *
 * <p>A nonce does not depend on the message, so it cannot be derived from it as RFC 6979 does.
 * Each is derived instead with RFC 6979's HMAC-DRBG from the private key and a seed of 32 fresh
 * bytes of {@link SecureRandom}, a counter shared by all instances and both clocks ("hedged"):
 * predicting one needs the key, and two equal ones would need the random source to repeat itself
 * exactly, in one process at one instant. Each nonce is handed out once. What no seed can prevent
 * is a copy of the process's memory (a checkpoint, a virtual machine's snapshot) handing out the
 * same ready nonces again: a nonce is used only while young and only if the clocks show no resume
 * since it was made ({@link NonceClock}); docs/trust.md says what an operator must never do.
 */
final class Es256Nonces {
    static final int CAPACITY = 64;
    private static final Logger log = LoggerFactory.getLogger(Es256Nonces.class);
    private static final ExecutorService REFILL = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("es256-nonces").daemon(true).unstarted(task));

    /**
     * {@code r = x(kG) mod n}, {@code k⁻¹ mod n} and {@code k⁻¹·d·r mod n} of one nonce {@code k}
     * and the key {@code d}, so that a signature needs only {@code s = k⁻¹·e + k⁻¹·d·r mod n}: one
     * multiplication and one addition on the signing thread, where the key is not involved. Not a
     * record: a record's {@code toString} would print {@code k⁻¹}, and one logged nonce with the
     * signature made with it gives the private key away ({@code d = (s·k − e)·r⁻¹}). Nothing here
     * prints any of the values; identity equality.
     */
    static final class Nonce {
        private final BigInteger r;
        private final BigInteger kInverse;
        private final BigInteger kInverseDR;

        private Nonce(BigInteger r, BigInteger kInverse, BigInteger kInverseDR) {
            this.r = r;
            this.kInverse = kInverse;
            this.kInverseDR = kInverseDR;
        }

        /**
         * The nonce {@code k} (in {@code [1, n-1]}) of {@code key} as a signature uses it, or null
         * if {@code x(kG) mod n} is 0 and k cannot be used. The modular arithmetic is Bouncy
         * Castle's constant-time one, as in {@link Es256#signDigest}.
         */
        static @Nullable Nonce of(BigInteger k, ECPrivateKeyParameters key, ECMultiplier multiplier) {
            ECDomainParameters domain = key.getParameters();
            BigInteger n = domain.getN();
            ECPoint point = multiplier.multiply(domain.getG(), k).normalize();
            BigInteger r = point.getAffineXCoord().toBigInteger().mod(n);
            if (r.signum() == 0) {
                return null;
            }
            BigInteger kInverse = BigIntegers.modOddInverse(n, k);
            return new Nonce(r, kInverse, BigIntegers.modMult(n, kInverse, BigIntegers.modMult(n, key.getD(), r)));
        }

        BigInteger r() {
            return r;
        }

        BigInteger kInverse() {
            return kInverse;
        }

        /** {@code k⁻¹·d·r mod n}. */
        BigInteger kInverseDR() {
            return kInverseDR;
        }

        @Override
        public String toString() {
            return "Nonce[secret]";
        }
    }

    /** A nonce waiting for its signature, with when it was made. */
    private record Ready(Nonce nonce, NonceClock.Stamp made) {}

    // Process-wide, so that two instances of one key never derive from the same counter value.
    private static final AtomicLong COUNTER = new AtomicLong();

    private final ECPrivateKeyParameters key;
    private final SecureRandom random;
    private final NonceClock clock;
    private final Executor refills;
    private final ConcurrentLinkedQueue<Ready> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger readyCount = new AtomicInteger();
    private final AtomicBoolean refilling = new AtomicBoolean();
    private final FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();

    Es256Nonces(ECPrivateKeyParameters key) {
        this(key, new SecureRandom(), NonceClock.SYSTEM, REFILL);
    }

    /** @param refills where the refills run (one at a time per instance) */
    Es256Nonces(ECPrivateKeyParameters key, SecureRandom random, NonceClock clock, Executor refills) {
        this.key = key;
        this.random = random;
        this.clock = clock;
        this.refills = refills;
    }

    /**
     * A nonce never handed out before, in this process image: a ready one if there is one young
     * enough and made since the clocks last diverged ({@link NonceClock}), else one computed now.
     */
    Nonce take() {
        Nonce nonce = nextUsable();
        if (nonce == null) {
            nonce = compute().nonce();
        }
        if (readyCount.get() <= CAPACITY / 2 && refilling.compareAndSet(false, true)) {
            refills.execute(this::refill);
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

    /** Whether a refill is scheduled or running. */
    boolean refilling() {
        return refilling.get();
    }

    // Drops what may not be used: expired nonces, and after a jump of the clocks every nonce made before it.
    private @Nullable Nonce nextUsable() {
        NonceClock.Stamp now = clock.now();
        int discarded = 0;
        long jumpNanos = 0;
        try {
            for (Ready next = poll(); next != null; next = poll()) {
                switch (clock.check(next.made(), now)) {
                    case USABLE -> {
                        return next.nonce();
                    }
                    case EXPIRED -> {}
                    case CLOCKS_DIVERGED -> {
                        discarded++;
                        jumpNanos = now.wallMinusMonotonicNanos() - next.made().wallMinusMonotonicNanos();
                    }
                }
            }
            return null;
        } finally {
            if (discarded > 0) {
                log.warn(
                        "the wall clock moved {} ms against the monotonic clock (a process or virtual machine"
                                + " resumed from a snapshot, or a clock step): {} ES256 nonces computed before it"
                                + " were discarded",
                        jumpNanos / 1_000_000,
                        discarded);
            }
        }
    }

    private @Nullable Ready poll() {
        Ready next = ready.poll();
        if (next != null) {
            readyCount.decrementAndGet();
        }
        return next;
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

    private Ready compute() {
        NonceClock.Stamp made = clock.now(); // before the randomness is drawn
        while (true) {
            Nonce nonce = Nonce.of(nextK(key.getParameters().getN()), key, multiplier);
            if (nonce != null) {
                return new Ready(nonce, made);
            }
        }
    }

    // RFC 6979's HMAC-DRBG keyed with the private key, seeded with fresh randomness, a counter
    // unique in the process and both clocks: two equal seeds need the random source to repeat
    // itself, in the same process at the same instant.
    private BigInteger nextK(BigInteger n) {
        byte[] seed = new byte[32 + 3 * Long.BYTES];
        random.nextBytes(seed);
        ByteBuffer.wrap(seed, 32, 3 * Long.BYTES)
                .putLong(COUNTER.incrementAndGet())
                .putLong(System.nanoTime())
                .putLong(System.currentTimeMillis());
        var calculator = new HMacDSAKCalculator(new SHA256Digest());
        calculator.init(n, key.getD(), Es256.sha256(seed));
        return calculator.nextK();
    }
}
