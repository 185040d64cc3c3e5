package tw.smartgov.troad.securityserver.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Operational monitoring from the data path's meters ({@code troad.requests}, {@code
 * troad.request.size}, {@code troad.response.size}), one entry per side, service and client.
 */
final class ExchangeMonitoring {
    private final MeterRegistry registry;

    ExchangeMonitoring(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * One side, service and client. Counts and mean latency cover every exchange since start; the
     * percentiles are those of successful exchanges (of failed ones if none succeeded) over
     * Micrometer's sliding window of a few minutes.
     */
    record Entry(
            String side,
            String service,
            String client,
            long count,
            long errors,
            double meanMillis,
            double p50Millis,
            double p95Millis,
            double p99Millis,
            double meanRequestBytes,
            double meanResponseBytes) {}

    private record Key(String side, String service, String client) {}

    // every troad.requests timer has these tags (ExchangeMetrics)
    private static String tag(Timer timer, String name) {
        return Objects.requireNonNull(timer.getId().getTag(name), name);
    }

    List<Entry> entries() {
        Map<Key, List<Timer>> timers = new LinkedHashMap<>();
        for (Timer timer : registry.find("troad.requests").timers()) {
            Key key = new Key(tag(timer, "side"), tag(timer, "service"), tag(timer, "client"));
            timers.computeIfAbsent(key, k -> new ArrayList<>()).add(timer);
        }
        return timers.entrySet().stream()
                .map(e -> entry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Entry::side)
                        .thenComparing(Entry::service)
                        .thenComparing(Entry::client))
                .toList();
    }

    private Entry entry(Key key, List<Timer> timers) {
        long count = timers.stream().mapToLong(Timer::count).sum();
        long errors = timers.stream()
                .filter(t -> !"ok".equals(t.getId().getTag("outcome")))
                .mapToLong(Timer::count)
                .sum();
        double totalMillis = timers.stream()
                .mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS))
                .sum();
        Timer representative = timers.stream()
                .max(Comparator.comparing((Timer t) -> "ok".equals(t.getId().getTag("outcome")))
                        .thenComparingLong(Timer::count))
                .orElseThrow();
        double[] p = percentiles(representative);
        return new Entry(
                key.side(),
                key.service(),
                key.client(),
                count,
                errors,
                count == 0 ? 0 : totalMillis / count,
                p[0],
                p[1],
                p[2],
                meanSize("troad.request.size", key),
                meanSize("troad.response.size", key));
    }

    private static double[] percentiles(Timer timer) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        return new double[] {millisAt(snapshot, 0.5), millisAt(snapshot, 0.95), millisAt(snapshot, 0.99)};
    }

    /** The percentile a timer publishes, in milliseconds; 0 if it does not publish that one. */
    static double millisAt(HistogramSnapshot snapshot, double percentile) {
        for (ValueAtPercentile v : snapshot.percentileValues()) {
            if (v.percentile() == percentile) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }

    private double meanSize(String name, Key key) {
        var summary = registry.find(name)
                .tags("side", key.side(), "service", key.service(), "client", key.client())
                .summary();
        return summary == null ? 0 : summary.mean();
    }
}
