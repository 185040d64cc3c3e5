package tw.smartgov.troad.securityserver.exchange;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * Micrometer meters of the data path: timer {@code troad.requests} and summaries {@code
 * troad.request.size} / {@code troad.response.size}, tagged side, service, client (and outcome: "ok"
 * or the X-Road error type). Unknown identifiers are tagged {@code unknown}. The timer publishes
 * p50/p95/p99 (over Micrometer's sliding window) and a percentile histogram.
 *
 * <p>Where the time of an exchange goes: timer {@code troad.exchange.phase}, tagged side and phase
 * (receive, verify, upstream, sign, log, send; see {@link ExchangeTrace.Phase}), for every exchange that
 * got to that phase.
 */
public final class ExchangeMetrics {
    private record Meters(Timer time, DistributionSummary requestSize, DistributionSummary responseSize) {}

    private record Key(
            @Nullable ServiceId service, @Nullable SubsystemId client, String outcome) {}

    private static final int MAX_CACHED = 10_000;

    private final MeterRegistry registry;
    private final String side;
    // Registering looks the meter up by its tags: remembered, as that costs more than recording.
    private final ConcurrentHashMap<Key, Meters> meters = new ConcurrentHashMap<>();
    private final Timer[] phases;

    public ExchangeMetrics(MeterRegistry registry, String side) {
        this.registry = registry;
        this.side = side;
        this.phases = java.util.Arrays.stream(ExchangeTrace.Phase.values())
                .map(phase -> Timer.builder("troad.exchange.phase")
                        .description("time spent in one phase of an exchange")
                        .tags("side", side, "phase", phase.tag)
                        .publishPercentileHistogram()
                        // most phases take well under a millisecond
                        .minimumExpectedValue(Duration.ofNanos(50_000))
                        .maximumExpectedValue(Duration.ofMinutes(2))
                        .register(registry))
                .toArray(Timer[]::new);
    }

    public void record(ExchangeTrace exchange, String outcome, long nanos) {
        var key = new Key(exchange.service, exchange.client, outcome);
        Meters m = meters.get(key);
        if (m == null) {
            if (meters.size() >= MAX_CACHED) {
                meters.clear();
            }
            m = meters.computeIfAbsent(key, this::register);
        }
        m.time().record(nanos, TimeUnit.NANOSECONDS);
        m.requestSize().record(exchange.requestSize);
        m.responseSize().record(exchange.responseSize);
        for (int i = 0; i < phases.length; i++) {
            if (exchange.phaseNanos[i] >= 0) {
                phases[i].record(exchange.phaseNanos[i], TimeUnit.NANOSECONDS);
            }
        }
    }

    private Meters register(Key key) {
        String service = key.service() == null ? "unknown" : key.service().encoded();
        String client = key.client() == null ? "unknown" : key.client().encoded();
        String outcome = key.outcome();
        Timer time = Timer.builder("troad.requests")
                .tags("side", side, "service", service, "client", client, "outcome", outcome)
                // percentiles for the monitoring API, a bounded histogram for Prometheus quantiles
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
        return new Meters(
                time, summary("troad.request.size", service, client), summary("troad.response.size", service, client));
    }

    private DistributionSummary summary(String name, String service, String client) {
        return DistributionSummary.builder(name)
                .baseUnit("bytes")
                .tags("side", side, "service", service, "client", client)
                .register(registry);
    }
}
