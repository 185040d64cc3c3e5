package tw.smartgov.troad.securityserver.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The group commits of each transparency log this node writes (the message log among them), from
 * the trust module's meters {@code smartgov.log.*}: what a record waits for before its response is
 * released, and whether the database keeps up.
 */
final class LogMonitoring {
    private final MeterRegistry registry;

    LogMonitoring(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * One log. Counts and means cover every commit since start; the percentiles are over
     * Micrometer's sliding window of a few minutes; {@code queued} is now.
     */
    record Entry(
            String log,
            long commits,
            long records,
            double meanRecordsPerCommit,
            double meanCommitMillis,
            double p50CommitMillis,
            double p99CommitMillis,
            long queued,
            long failedRecords) {}

    List<Entry> entries() {
        return registry.find("smartgov.log.commit").timers().stream()
                .map(this::entry)
                .sorted(Comparator.comparing(Entry::log))
                .toList();
    }

    private Entry entry(Timer commits) {
        String log = Objects.requireNonNull(commits.getId().getTag("log"), "every log commit timer names its log");
        DistributionSummary records =
                registry.find("smartgov.log.commit.appends").tag("log", log).summary();
        Gauge queued = registry.find("smartgov.log.queued").tag("log", log).gauge();
        Counter failed =
                registry.find("smartgov.log.appends.failed").tag("log", log).counter();
        long recordCount = records == null ? 0 : (long) records.totalAmount();
        HistogramSnapshot snapshot = commits.takeSnapshot();
        return new Entry(
                log,
                snapshot.count(),
                recordCount,
                snapshot.count() == 0 ? 0 : (double) recordCount / snapshot.count(),
                snapshot.mean(TimeUnit.MILLISECONDS),
                ExchangeMonitoring.millisAt(snapshot, 0.5),
                ExchangeMonitoring.millisAt(snapshot, 0.99),
                queued == null ? 0 : (long) queued.value(),
                failed == null ? 0 : (long) failed.count());
    }
}
