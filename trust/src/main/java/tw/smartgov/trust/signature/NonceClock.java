package tw.smartgov.trust.signature;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells whether a nonce computed ahead may still be used in this process image: it must be young
 * ({@link #MAX_AGE} by the monotonic clock), and the wall clock must not have moved against the
 * monotonic clock since it was made ({@link #MAX_JUMP}).
 *
 * <p>Why both clocks: a process resumed from a checkpoint (CRIU, CRaC) or a virtual machine resumed
 * from a memory snapshot holds the nonces of the moment of the snapshot; resumed twice, or after
 * the original went on signing, it would sign other messages with nonces already used, which gives
 * the key away. Such a resume shows as a jump of the wall clock against the monotonic one (a
 * checkpoint restored in a time namespace keeps the monotonic clock continuous while the wall clock
 * is the host's; a virtual machine's wall clock is stepped when its guest agent or NTP corrects
 * it), and then every nonce made before it is discarded. A resumed virtual machine whose clock is
 * not corrected yet cannot be told from one that never stopped: the age limit bounds that window
 * to nonces made in the last {@link #MAX_AGE} before the snapshot, used in the first {@link
 * #MAX_AGE} after the resume. A clock step by NTP discards nonces that were safe, which only costs
 * their recomputation. Thread-safe.
 */
final class NonceClock {
    /** The longest a nonce may wait for its signature. */
    static final Duration MAX_AGE = Duration.ofMillis(500);
    /**
     * How far the wall clock may move against the monotonic clock while a nonce waits: more than
     * NTP's slewing (at most 0.5 ms per second) and a thread preempted between reading the two
     * clocks, less than any resume.
     */
    static final Duration MAX_JUMP = Duration.ofMillis(50);

    static final NonceClock SYSTEM = new NonceClock(System::nanoTime, System::currentTimeMillis);

    /** What a nonce computed ahead may be, when a signature is about to use it. */
    enum Verdict {
        USABLE,
        /** Older than {@link #MAX_AGE}, or made in the monotonic clock's future. */
        EXPIRED,
        /** The wall clock jumped against the monotonic clock: a resume from a snapshot, or a step. */
        CLOCKS_DIVERGED
    }

    /**
     * When a nonce was made, read before its random bytes were drawn: a snapshot taken while the
     * nonce was computed must not make it look younger than its randomness.
     */
    record Stamp(long monotonicNanos, long wallMinusMonotonicNanos) {}

    private final LongSupplier monotonicNanos;
    private final LongSupplier wallMillis;

    NonceClock(LongSupplier monotonicNanos, LongSupplier wallMillis) {
        this.monotonicNanos = monotonicNanos;
        this.wallMillis = wallMillis;
    }

    Stamp now() {
        long monotonic = monotonicNanos.getAsLong();
        return new Stamp(monotonic, wallMillis.getAsLong() * 1_000_000 - monotonic);
    }

    Verdict check(Stamp made, Stamp now) {
        if (Math.abs(now.wallMinusMonotonicNanos() - made.wallMinusMonotonicNanos()) > MAX_JUMP.toNanos()) {
            return Verdict.CLOCKS_DIVERGED;
        }
        long age = now.monotonicNanos() - made.monotonicNanos();
        return age >= 0 && age <= MAX_AGE.toNanos() ? Verdict.USABLE : Verdict.EXPIRED;
    }
}
