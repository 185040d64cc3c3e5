package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Micrometer meters of the data path: timer {@code troad.requests} and summaries {@code
 * troad.request.size} / {@code troad.response.size}, tagged side, service, client (and outcome: "ok"
 * or the X-Road error type). Unknown identifiers are tagged {@code unknown}.
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
