package tw.smartgov.trust.log.writer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What an operator watches of one log's writer, tagged with the log's name: how long each group
 * commit takes (the statement and the database's flush, the floor of every append's latency), how
 * many appends each one carries, the appends waiting for the writer (a growing queue is a
 * database that cannot keep up), and the appends lost to rolled-back batches. Without a registry
 * it records nothing.
 */
public final class CommitMeters {
    private record Meters(Timer commits, DistributionSummary appendsPerCommit, Counter failedAppends) {}

    private final @Nullable Meters meters;
    private final @Nullable Timer journalWrites;

    private CommitMeters(@Nullable Meters meters, @Nullable Timer journalWrites) {
        this.meters = meters;
        this.journalWrites = journalWrites;
    }

    /**
     * Also, for a log journaled locally: how long each durable journal write takes (the floor of an
     * append's latency there), and how many acknowledged entries the database has yet to store.
     */
    public static CommitMeters registerJournaled(
            @Nullable MeterRegistry registry, String log, Collection<?> queue, LongSupplier behind) {
        CommitMeters commits = register(registry, log, queue);
        if (registry == null) {
            return commits;
        }
        Gauge.builder("smartgov.log.journal.behind", behind, b -> b.getAsLong())
                .description("Entries acknowledged from the log's local journal that the database has yet to store")
                .tag("log", log)
                .strongReference(true) // the supplier is a method reference nothing else holds
                .register(registry);
        Timer writes = Timer.builder("smartgov.log.journal.write")
                .description("Durable writes of the log's local journal: one flush each")
                .tag("log", log)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        return new CommitMeters(commits.meters, writes);
    }

    public void journaled(long nanos) {
        if (journalWrites != null) {
            journalWrites.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    public static CommitMeters register(@Nullable MeterRegistry registry, String log, Collection<?> queue) {
        if (registry == null) {
            return new CommitMeters(null, null);
        }
        Gauge.builder("smartgov.log.queued", queue, Collection::size)
                .description("Appends waiting for the log's writer")
                .tag("log", log)
                .register(registry);
        return new CommitMeters(
                new Meters(
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
                                .register(registry)),
                null);
    }

    public void committed(int appends, long nanos) {
        if (meters != null) {
            meters.commits().record(nanos, TimeUnit.NANOSECONDS);
            meters.appendsPerCommit().record(appends);
        }
    }

    public void rolledBack(int appends) {
        if (meters != null) {
            meters.failedAppends().increment(appends);
        }
    }
}
