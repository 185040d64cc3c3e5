package tw.smartgov.troad.securityserver.exchange;

import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadErrorType;

/** What is known about one exchange so far, for errors, logs and metrics; one per request thread. */
public final class ExchangeTrace {
    /** The steps of an exchange whose time is measured on its own. */
    public enum Phase {
        /** reading the request body from the caller */
        RECEIVE,
        /** verifying the peer's message signature */
        VERIFY,
        /** the call to the next hop: the provider's security server, or the service's backend */
        UPSTREAM,
        /** signing the outgoing message (batch signature) */
        SIGN,
        /** waiting until the message log record is durable */
        LOG,
        /** writing the response to the caller */
        SEND;

        final String tag = name().toLowerCase(java.util.Locale.ROOT);
    }

    public final long startedNanos = System.nanoTime();
    private static final int PHASES = Phase.values().length;

    /** Nanoseconds spent in each {@link Phase}, -1 where the exchange did not get to it. */
    public final long[] phaseNanos = new long[PHASES];

    {
        java.util.Arrays.fill(phaseNanos, -1);
    }

    private long phaseStart = startedNanos;

    @Nullable
    public String xRoadId;

    @Nullable
    public SubsystemId client;

    @Nullable
    public ServiceId service;

    public long requestSize;
    public long responseSize;

    /** An error that struck after the response had been sent (told to the peer in a trailer). */
    @Nullable
    public XRoadErrorType failedAfterAnswer;

    /** Starts timing the first phase; each {@link #ended(Phase)} ends one and starts the next. */
    public void begin() {
        phaseStart = System.nanoTime();
    }

    public void ended(Phase phase) {
        long now = System.nanoTime();
        phaseNanos[phase.ordinal()] = now - phaseStart;
        phaseStart = now;
    }
}
