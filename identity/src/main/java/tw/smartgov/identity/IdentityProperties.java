package tw.smartgov.identity;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity module, under {@code smartgov.identity}.
 *
 * @param issuer the OpenID Connect issuer, e.g. {@code https://id.smartgov.tw}; empty means the
 *     URL the request came in on (fine on one host; set it behind a proxy or load balancer)
 * @param challengeLifetime how long a certificate sign-in challenge can be answered
 * @param poolSize connections of the identity module's own pool (bound to its schema)
 */
@ConfigurationProperties("smartgov.identity")
public record IdentityProperties(
        @Nullable String issuer,
        @DefaultValue("2m") Duration challengeLifetime,
        @DefaultValue("8") int poolSize) {}
