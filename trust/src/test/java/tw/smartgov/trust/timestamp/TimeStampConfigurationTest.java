package tw.smartgov.trust.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import tw.smartgov.trust.TrustProperties;

class TimeStampConfigurationTest {
    final TimeStampConfiguration configuration = new TimeStampConfiguration();
    final ObjectProvider<TimeStampAuthority> noAuthority = new ObjectProvider<>() {};

    @Test
    void withoutTsaUrlStampsWithTheBuiltInTsa() {
        assertThat(configuration.timeStamper(trust(""), properties(null), noAuthority))
                .isInstanceOf(InProcessTimeStamper.class);
    }

    @Test
    void withTsaUrlStampsOverHttpCheckingTheConfiguredAnchor(@TempDir Path dir) throws Exception {
        Path anchor = dir.resolve("anchor.pem");
        Files.write(anchor, OpenSslInteropTest.resource("openssl-root.pem"));

        TimeStamper stamper =
                configuration.timeStamper(trust("http://127.0.0.1:1/tsa"), properties(anchor), noAuthority);

        assertThat(stamper).isInstanceOf(TimeStampClient.class);
        ((TimeStampClient) stamper).close();
    }

    @Test
    void withTsaUrlButNoTrustAnchorRefusesToStart() {
        assertThatIllegalStateException()
                .isThrownBy(
                        () -> configuration.timeStamper(trust("http://127.0.0.1:1/tsa"), properties(null), noAuthority))
                .withMessageContaining("smartgov.trust.tsa.trust-anchor");
    }

    static TrustProperties trust(String tsaUrl) {
        return new TrustProperties(Path.of("."), "password", tsaUrl, Duration.ofSeconds(10), 5000);
    }

    static TimeStampProperties properties(@Nullable Path anchor) {
        return new TimeStampProperties(
                TimeStampAuthority.DEFAULT_POLICY,
                Duration.ofSeconds(1),
                anchor,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }
}
