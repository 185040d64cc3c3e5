package tw.smartgov.troad.central;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.ca.CertificateAuthority;

/**
 * Alerts about security-server certificates: those that expire within 14 days (the server has not
 * renewed, though it should at a third of the validity left) and those that are revoked but still
 * registered. Health {@code troadCertificates} reports them (WARNING, or DOWN once one has expired
 * or is revoked), gauges {@code troad.central.certificates.expiring} and {@code
 * troad.central.certificates.revoked} count them, and an hourly check logs a WARN for each.
 */
@CentralRole
@Component("troadCertificates")
class CertificateAlerts implements HealthIndicator {
    static final Duration WARNING_PERIOD = Duration.ofDays(14);
    private static final Logger log = LoggerFactory.getLogger(CertificateAlerts.class);
    private static final Status WARNING = new Status("WARNING", "a certificate expires within 14 days");

    /** One certificate that needs attention. */
    record Alert(String serverId, String use, String problem) {}

    private final SecurityServers servers;
    private final CertificateAuthority ca;
    private final Clock clock = Clock.systemUTC();

    CertificateAlerts(SecurityServers servers, CertificateAuthority ca, ObjectProvider<MeterRegistry> meters) {
        this.servers = servers;
        this.ca = ca;
        meters.ifAvailable(registry -> {
            Gauge.builder("troad.central.certificates.expiring", this, a -> a.count("expires"))
                    .description("security-server certificates expiring within 14 days")
                    .register(registry);
            Gauge.builder("troad.central.certificates.revoked", this, a -> a.count("revoked"))
                    .description("registered security-server certificates that are revoked")
                    .register(registry);
        });
    }

    List<Alert> alerts() {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        for (var server : servers.all()) {
            check(server.id(), "TLS", server.tls(), now, alerts);
            check(server.id(), "signing", server.signing(), now, alerts);
        }
        return alerts;
    }

    @Override
    public Health health() {
        List<Alert> alerts = alerts();
        boolean down = alerts.stream().anyMatch(a -> !a.problem().startsWith("expires"));
        var health = alerts.isEmpty() ? Health.up() : Health.status(down ? Status.DOWN : WARNING);
        return health.withDetail("alerts", alerts).build();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void warn() {
        for (Alert alert : alerts()) {
            log.warn("security server {}: its {} certificate {}", alert.serverId(), alert.use(), alert.problem());
        }
    }

    private double count(String problem) {
        return alerts().stream().filter(a -> a.problem().startsWith(problem)).count();
    }

    private void check(String serverId, String use, SecurityServers.Pin pin, Instant now, List<Alert> alerts) {
        boolean revoked = ca.find(new BigInteger(pin.serialHex(), 16))
                .map(c -> c.revoked())
                .orElse(false);
        if (revoked) {
            alerts.add(new Alert(serverId, use, "revoked (serial " + pin.serialHex() + ")"));
        } else if (!now.isBefore(pin.notAfter())) {
            alerts.add(new Alert(serverId, use, "expired at " + pin.notAfter()));
        } else if (now.plus(WARNING_PERIOD).isAfter(pin.notAfter())) {
            alerts.add(new Alert(serverId, use, "expires at " + pin.notAfter()));
        }
    }
}
