package tw.smartgov.trust.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What an operator watches of one log's writer, tagged with the log's name: how long each group
 * commit takes (the statement and the database's flush, the floor of every append's latency), how
 * many appends each one carries, the appends waiting for the writer (a growing queue is a
 * database that cannot keep up), and the appends lost to rolled-back batches. Without a registry
 * it records nothing.
 */
final class CommitMeters {
    private record Meters(Timer commits, DistributionSummary appendsPerCommit, Counter failedAppends) {}

    private final @Nullable Meters meters;

    private CommitMeters(@Nullable Meters meters) {
        this.meters = meters;
    }

    static CommitMeters register(@Nullable MeterRegistry registry, String log, Collection<?> queue) {
        if (registry == null) {
            return new CommitMeters(null);
        }
        Gauge.builder("smartgov.log.queued", queue, Collection::size)
                .description("Appends waiting for the log's writer")
                .tag("log", log)
                .register(registry);
        return new CommitMeters(new Meters(
                Timer.builder("smartgov.log.commit")
                        .description("Group commits of the log: one statement and one flush each")
                        .tag("log", log)
                        .publishPercentiles(0.5, 0.99)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofNanos(100_000))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry),
                DistributionSummary.builder("smartgov.log.commit.appends")
                        .description("Appends made durable by each group commit")
                        .tag("log", log)
                        .register(registry),
                Counter.builder("smartgov.log.appends.failed")
                        .description("Appends whose group commit was rolled back: each failed its caller")
                        .tag("log", log)
                        .register(registry)));
    }

    void committed(int appends, long nanos) {
        if (meters != null) {
            meters.commits().record(nanos, TimeUnit.NANOSECONDS);
            meters.appendsPerCommit().record(appends);
        }
    }

    void rolledBack(int appends) {
        if (meters != null) {
            meters.failedAppends().increment(appends);
        }
    }
}
