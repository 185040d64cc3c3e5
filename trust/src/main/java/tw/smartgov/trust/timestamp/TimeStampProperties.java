package tw.smartgov.trust.timestamp;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time-stamping settings, under {@code smartgov.trust.tsa} (the TSA URL itself is {@code
 * smartgov.trust.tsa-url} in {@link tw.smartgov.trust.TrustProperties}).
 *
 * @param policy policy OID the built-in TSA states in its tokens
 * @param accuracy accuracy the built-in TSA states in its tokens
 * @param trustAnchor PEM file with the root CA (or the certificate) of the external TSA; required
 *     when {@code smartgov.trust.tsa-url} is set, since an external TSA's tokens must be checked
 *     against something other than our own CA
 * @param connectTimeout connect timeout towards the external TSA
 * @param readTimeout read timeout towards the external TSA
 */
@ConfigurationProperties("smartgov.trust.tsa")
record TimeStampProperties(
        @DefaultValue(TimeStampAuthority.DEFAULT_POLICY) String policy,
        @DefaultValue("1s") Duration accuracy,
        @Nullable Path trustAnchor,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {}
