package tw.smartgov.trust.signature;

import java.time.Duration;

/**
 * When {@link BatchingSigner} signs: how large a batch may grow, and how long the first message of
 * a batch may wait for others when waiting is worth it.
 *
 * <p>Each batch costs one signature here and one verification at every receiver (about three times
 * the signature's cost with ECDSA P-256), whatever its size. A message is signed as soon as the
 * signer is free, unless (a) other messages were announced ({@link BatchingSigner#expect()}) and
 * have not arrived yet, at least {@code awaitAnnouncedFrom} of them: then the batch waits for them,
 * at most {@code maxLinger}; or (b) messages arrive faster than {@code lingerAboveRate} per second:
 * then it waits until about {@code targetBatch} should have arrived, again at most {@code
 * maxLinger}. So a lightly loaded server adds no latency, and a busy one signs far fewer batches,
 * at the price of at most {@code maxLinger} per message. Below {@code signAloneBelowRate}, a
 * message with nothing else queued (and fewer announced than are waited for) is signed on the
 * caller's own thread, which saves two thread hand-offs; above it, messages go through the signing
 * thread, where those arriving during a signature share the next.
 *
 * @param maxBatch the most messages signed with one signature
 * @param maxLinger the longest the first message of a batch waits for others; zero never waits
 * @param lingerAboveRate the arrival rate (messages per second, as measured by the signer) from
 *     which messages wait for others
 * @param targetBatch the batch size worth waiting for: no message waits longer than it takes this
 *     many to arrive at the measured rate
 * @param signAloneBelowRate the arrival rate below which a lone message is signed on the caller's
 *     thread
 * @param awaitAnnouncedFrom how many messages must be announced and on their way for a batch to
 *     wait for them: a measure of load that, unlike the arrival rate, does not fall when the
 *     batches shrink (with 1, a batch always waits for announced messages)
 */
public record SignaturePacing(
        int maxBatch,
        Duration maxLinger,
        double lingerAboveRate,
        int targetBatch,
        double signAloneBelowRate,
        int awaitAnnouncedFrom) {
    /** Never waits: each batch holds what was queued while the previous one was being signed. */
    public static final SignaturePacing IMMEDIATE = new SignaturePacing(512, Duration.ZERO, Double.MAX_VALUE, 1);

    /**
     * A security server's default: while at least 4 messages are announced (exchanges in flight),
     * a batch waits at most 2 ms for them, and from 1,000 messages/s also for the batch to fill;
     * otherwise nothing waits, and below 1,000/s a lone message is signed at once on the caller's
     * thread (batches would save little there: a signature takes a fraction of a millisecond).
     */
    public static final SignaturePacing ADAPTIVE = new SignaturePacing(512, Duration.ofMillis(2), 1_000, 64, 1_000, 4);

    /**
     * Signs a lone message on the caller's thread below {@code lingerAboveRate}; waits for any
     * announced message.
     */
    public SignaturePacing(int maxBatch, Duration maxLinger, double lingerAboveRate, int targetBatch) {
        this(maxBatch, maxLinger, lingerAboveRate, targetBatch, lingerAboveRate);
    }

    /** Waits for any announced message. */
    public SignaturePacing(
            int maxBatch, Duration maxLinger, double lingerAboveRate, int targetBatch, double signAloneBelowRate) {
        this(maxBatch, maxLinger, lingerAboveRate, targetBatch, signAloneBelowRate, 1);
    }

    public SignaturePacing {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        if (maxLinger.isNegative() || maxLinger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("maxLinger must be between 0 and 1 s: " + maxLinger);
        }
        if (!(lingerAboveRate >= 0)) {
            throw new IllegalArgumentException("lingerAboveRate must be 0 or more: " + lingerAboveRate);
        }
        if (!(signAloneBelowRate >= 0)) {
            throw new IllegalArgumentException("signAloneBelowRate must be 0 or more: " + signAloneBelowRate);
        }
        if (awaitAnnouncedFrom < 1) {
            throw new IllegalArgumentException("awaitAnnouncedFrom must be at least 1: " + awaitAnnouncedFrom);
        }
        if (targetBatch < 1 || targetBatch > maxBatch) {
            throw new IllegalArgumentException("targetBatch must be between 1 and maxBatch: " + targetBatch);
        }
    }

    /** The same pacing with another {@code maxLinger}. */
    public SignaturePacing withMaxLinger(Duration value) {
        return new SignaturePacing(
                maxBatch, value, lingerAboveRate, targetBatch, signAloneBelowRate, awaitAnnouncedFrom);
    }

    /** Whether a batch waits while {@code announced} messages are on their way. */
    boolean awaitsAnnounced(long announced) {
        return !maxLinger.isZero() && announced >= awaitAnnouncedFrom;
    }

    /** How long the first message of a batch waits for unannounced others at {@code rate} per second. */
    long lingerNanos(double rate) {
        if (maxLinger.isZero() || rate < lingerAboveRate || rate <= 0) {
            return 0;
        }
        double untilTarget = (targetBatch - 1) / rate * 1e9;
        return (long) Math.min(maxLinger.toNanos(), untilTarget);
    }
}
