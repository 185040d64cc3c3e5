package tw.smartgov.troad.securityserver.admin;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/troad/security-server/monitoring[?side=client|provider]}: per service and
 * client, counts, errors, latency and mean sizes ({@code exchanges}), and the group commits of
 * each transparency log this node writes ({@code logs}); Prometheus gets the same meters at
 * {@code /actuator/prometheus}.
 */
@RestController
@Profile({SecurityServerAdminConfiguration.PROFILE, "dev"})
class MonitoringController {
    private final ExchangeMonitoring monitoring;
    private final LogMonitoring logs;

    MonitoringController(MeterRegistry registry) {
        this.monitoring = new ExchangeMonitoring(registry);
        this.logs = new LogMonitoring(registry);
    }

    @GetMapping("/admin/troad/security-server/monitoring")
    Map<String, List<?>> monitoring(@RequestParam(required = false) @Nullable String side) {
        var entries = monitoring.entries().stream()
                .filter(e -> side == null || side.equals(e.side()))
                .toList();
        return Map.of("exchanges", entries, "logs", logs.entries());
    }
}
