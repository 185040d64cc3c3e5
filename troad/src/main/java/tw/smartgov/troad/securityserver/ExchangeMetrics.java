package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Micrometer meters of the data path: timer {@code troad.requests} and summaries {@code
 * troad.request.size} / {@code troad.response.size}, tagged side, service, client (and outcome: "ok"
 * or the X-Road error type). Unknown identifiers are tagged {@code unknown}. The timer publishes
 * p50/p95/p99 (over Micrometer's sliding window) and a percentile histogram.
 */
final class ExchangeMetrics {
    private final MeterRegistry registry;
    private final String side;

    ExchangeMetrics(MeterRegistry registry, String side) {
        this.registry = registry;
        this.side = side;
    }

    void record(Exchange exchange, String outcome, long nanos) {
        String service = exchange.service == null ? "unknown" : exchange.service.encoded();
        String client = exchange.client == null ? "unknown" : exchange.client.encoded();
        Timer.builder("troad.requests")
                .tags("side", side, "service", service, "client", client, "outcome", outcome)
                // percentiles for the monitoring API, a bounded histogram for Prometheus quantiles
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry)
                .record(Duration.ofNanos(nanos));
        summary("troad.request.size", service, client).record(exchange.requestSize);
        summary("troad.response.size", service, client).record(exchange.responseSize);
    }

    private DistributionSummary summary(String name, String service, String client) {
        return DistributionSummary.builder(name)
                .baseUnit("bytes")
                .tags("side", side, "service", service, "client", client)
                .register(registry);
    }
}
