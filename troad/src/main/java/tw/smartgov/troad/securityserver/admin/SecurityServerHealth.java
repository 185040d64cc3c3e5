package tw.smartgov.troad.securityserver.admin;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import tw.smartgov.troad.globalconf.GlobalConfiguration;

/**
 * Health {@code troadSecurityServer}: expiry of the TLS and signing certificates, age and expiry
 * of the global configuration, time-stamping status. DOWN if a certificate or the configuration
 * has expired or time-stamping fails; UNKNOWN while none of the sources is wired.
 */
final class SecurityServerHealth implements HealthIndicator {
    private final @Nullable SecurityServerCertificates certificates;
    private final @Nullable CurrentGlobalConfiguration configuration;
    private final @Nullable TimeStampingStatus timeStamping;
    private final Clock clock;

    SecurityServerHealth(
            @Nullable SecurityServerCertificates certificates,
            @Nullable CurrentGlobalConfiguration configuration,
            @Nullable TimeStampingStatus timeStamping,
            Clock clock) {
        this.certificates = certificates;
        this.configuration = configuration;
        this.timeStamping = timeStamping;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (certificates == null && configuration == null && timeStamping == null) {
            return Health.unknown()
                    .withDetail("reason", "the security server is not running in this node")
                    .build();
        }
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        if (certificates != null) {
            up &= certificate(details, "tlsCertificate", certificates.tls(), now);
            up &= certificate(details, "signingCertificate", certificates.signing(), now);
        }
        if (configuration != null) {
            up &= configuration(details, configuration.current(), now);
        }
        if (timeStamping != null) {
            TimeStampingStatus.Status status = timeStamping.status();
            details.put("timeStamping", Map.of("up", status.up(), "detail", status.detail()));
            up &= status.up();
        }
        return Health.status(up ? Status.UP : Status.DOWN).withDetails(details).build();
    }

    private static boolean certificate(
            Map<String, Object> details, String name, Optional<X509Certificate> certificate, Instant now) {
        if (certificate.isEmpty()) {
            details.put(name, Map.of("present", false));
            return false;
        }
        Instant notAfter = certificate.get().getNotAfter().toInstant();
        details.put(
                name,
                Map.of(
                        "subject", certificate.get().getSubjectX500Principal().getName(),
                        "notAfter", notAfter.toString(),
                        "daysLeft", Duration.between(now, notAfter).toDays()));
        return now.isBefore(notAfter);
    }

    private static boolean configuration(
            Map<String, Object> details, Optional<GlobalConfiguration> current, Instant now) {
        if (current.isEmpty()) {
            details.put("globalConfiguration", Map.of("present", false));
            return false;
        }
        GlobalConfiguration conf = current.get();
        details.put(
                "globalConfiguration",
                Map.of(
                        "version", conf.version(),
                        "generatedAt", conf.generatedAt().toString(),
                        "ageSeconds", Duration.between(conf.generatedAt(), now).toSeconds(),
                        "expiresAt", conf.expiresAt().toString()));
        return !conf.isExpiredAt(now);
    }
}
