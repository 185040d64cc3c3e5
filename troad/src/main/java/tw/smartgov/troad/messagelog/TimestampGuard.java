package tw.smartgov.troad.messagelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches whether a message log keeps being time-stamped: the age of its oldest signed tree head
 * still waiting for an RFC 3161 time-stamp. Beyond {@code grace} the log refuses new records
 * (logged as an ERROR once per refresh), so exchange stops instead of running un-time-stamped.
 * The database is asked at most once per {@code refresh}. Thread-safe.
 */
final class TimestampGuard {
    private static final Logger log = LoggerFactory.getLogger(TimestampGuard.class);

    private final String logName;
    private final Function<String, Optional<Instant>> oldestUntimestamped;
    private final Duration grace;
    private final Duration refresh;
    private final Clock clock;
    private volatile Status status = new Status(Optional.empty(), Instant.MIN);

    private record Status(Optional<Instant> oldest, Instant checkedAt) {}

    TimestampGuard(
            String logName,
            Function<String, Optional<Instant>> oldestUntimestamped,
            Duration grace,
            Duration refresh,
            Clock clock) {
        this.logName = logName;
        this.oldestUntimestamped = oldestUntimestamped;
        this.grace = grace;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** How long the oldest un-time-stamped head has waited; zero when all are stamped. */
    Duration waiting() {
        Instant now = clock.instant();
        Status current = status;
        if (!now.isBefore(current.checkedAt().plus(refresh))) {
            current = new Status(oldestUntimestamped.apply(logName), now);
            status = current;
            current.oldest().filter(oldest -> beyond(oldest, now)).ifPresent(this::alarm);
        }
        return current.oldest().map(oldest -> Duration.between(oldest, now)).orElse(Duration.ZERO);
    }

    /** True while records are refused. */
    boolean refusing() {
        return waiting().compareTo(grace) > 0;
    }

    /** @throws IllegalStateException with the reason while records are refused */
    void check() {
        Duration waiting = waiting();
        if (waiting.compareTo(grace) > 0) {
            throw new IllegalStateException("message log " + logName + " has not been time-stamped for "
                    + waiting.toMillis() + " ms (grace " + grace.toMillis() + " ms): the TSA is unreachable");
        }
    }

    Duration grace() {
        return grace;
    }

    String logName() {
        return logName;
    }

    private boolean beyond(Instant oldest, Instant now) {
        return Duration.between(oldest, now).compareTo(grace) > 0;
    }

    private void alarm(Instant oldest) {
        log.error(
                "message log {}: tree heads wait for their RFC 3161 time-stamp since {}, longer than the grace of {};"
                        + " new records are refused until the TSA answers",
                logName,
                oldest,
                grace);
    }
}
