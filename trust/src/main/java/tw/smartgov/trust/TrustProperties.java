package tw.smartgov.trust;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the trust module, under {@code smartgov.trust}.
 *
 * @param dataDir folder holding the keystore ({@code keys.p12}); created at first start
 * @param keystorePassword password of the PKCS#12 keystore; required, never logged
 * @param tsaUrl RFC 3161 time-stamping authority to use; empty means the built-in one
 * @param treeHeadInterval how often each transparency log signs a new tree head
 * @param maxBatch the largest number of log appends written in one transaction
 */
@ConfigurationProperties("smartgov.trust")
public record TrustProperties(
        Path dataDir,
        String keystorePassword,
        @Nullable String tsaUrl,
        @DefaultValue("10s") Duration treeHeadInterval,
        @DefaultValue("5000") int maxBatch) {

    public TrustProperties {
        if (keystorePassword == null || keystorePassword.isBlank()) {
            throw new IllegalArgumentException(
                    "smartgov.trust.keystore-password (env SMARTGOV_TRUST_KEYSTORE_PASSWORD) must be set");
        }
    }

    @Override
    public String toString() {
        return "TrustProperties[dataDir=" + dataDir + ", tsaUrl=" + tsaUrl + ", keystorePassword=***]";
    }
}
