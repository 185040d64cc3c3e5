package tw.smartgov.troad.securityserver.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.TestPki;

class SecurityServerHealthTest {
    private static final CertificateAuthority CA = TestPki.newCa();
    private static final X509Certificate TLS =
            TestPki.identity(CA, CertificateProfile.TLS_PEER).certificate();
    private static final X509Certificate SIGNING =
            TestPki.identity(CA, CertificateProfile.SIGNING).certificate();

    private static final SecurityServerCertificates CERTIFICATES = new SecurityServerCertificates() {
        @Override
        public Optional<X509Certificate> tls() {
            return Optional.of(TLS);
        }

        @Override
        public Optional<X509Certificate> signing() {
            return Optional.of(SIGNING);
        }
    };

    private static GlobalConfiguration configuration(Instant generatedAt, Duration validity) {
        return new GlobalConfiguration(
                "TW", 7, generatedAt, generatedAt.plus(validity), List.of(), List.of(), List.of(), List.of());
    }

    private static SecurityServerHealth health(Instant now, GlobalConfiguration conf, boolean tsaUp) {
        return new SecurityServerHealth(
                CERTIFICATES,
                () -> Optional.of(conf),
                () -> new TimeStampingStatus.Status(tsaUp, "tsa.example"),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void showsCertificateExpiryConfigurationAgeAndTimeStamping() {
        Instant now = Instant.now();
        var health = health(now, configuration(now.minusSeconds(90), Duration.ofMinutes(10)), true)
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        var tls = (Map<?, ?>) health.getDetails().get("tlsCertificate");
        assertThat(tls.get("notAfter")).isEqualTo(TLS.getNotAfter().toInstant().toString());
        assertThat((Long) tls.get("daysLeft")).isPositive();
        assertThat(health.getDetails()).containsKey("signingCertificate");
        var conf = (Map<?, ?>) health.getDetails().get("globalConfiguration");
        assertThat(conf.get("ageSeconds")).isEqualTo(90L);
        assertThat(conf.get("version")).isEqualTo(7L);
        assertThat(health.getDetails()).containsKey("timeStamping");
    }

    @Test
    void isDownWhenTheConfigurationExpiredOrTimeStampingFails() {
        Instant now = Instant.now();
        assertThat(health(now, configuration(now.minusSeconds(3600), Duration.ofMinutes(10)), true)
                        .health()
                        .getStatus())
                .isEqualTo(Status.DOWN);
        assertThat(health(now, configuration(now, Duration.ofMinutes(10)), false)
                        .health()
                        .getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void isDownWhenACertificateExpiredAndUnknownWithoutSources() {
        Instant afterExpiry = TLS.getNotAfter().toInstant().plusSeconds(1);
        assertThat(health(afterExpiry, configuration(afterExpiry, Duration.ofMinutes(10)), true)
                        .health()
                        .getStatus())
                .isEqualTo(Status.DOWN);
        assertThat(new SecurityServerHealth(null, null, null, Clock.systemUTC())
                        .health()
                        .getStatus())
                .isEqualTo(Status.UNKNOWN);
    }
}
