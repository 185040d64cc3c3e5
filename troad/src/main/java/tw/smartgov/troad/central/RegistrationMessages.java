package tw.smartgov.troad.central;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.globalconf.ConfigurationAnchor;

/** The JSON bodies of registration and renewal, shared by the central server and {@link RegistrationClient}. */
final class RegistrationMessages {
    /** The {@code typ} of a signed renewal request. */
    static final String RENEWAL_TYPE = "troad-renewal+jws";

    private RegistrationMessages() {}

    /** {@code POST /admin/troad/security-servers/tokens}. */
    record TokenRequest(
            @Nullable String owner,
            @Nullable String code,
            @Nullable String address,
            @Nullable List<String> clients) {}

    /** The token is shown once, here, and never again. */
    record TokenResponse(String serverId, String token, Instant expiresAt) {}

    /** {@code POST /troad/registration}: CSRs in PEM; dns and ip become the TLS certificate's names. */
    record RegisterRequest(
            @Nullable String token,
            @Nullable String tlsCsr,
            @Nullable String signingCsr,
            @Nullable List<String> dns,
            @Nullable List<String> ip) {}

    /** The payload of the JWS of {@code POST /troad/registration/renewal}. */
    record RenewalRequest(
            @Nullable String server,
            @Nullable String tlsCsr,
            @Nullable String signingCsr,
            @Nullable List<String> dns,
            @Nullable List<String> ip,
            @Nullable Instant requestedAt) {}

    /** New certificates (PEM chains, leaf first) and where to get the global configuration. */
    record Issued(
            String serverId,
            String tlsChain,
            String signingChain,
            String globalConfigurationUrl,
            @Nullable ConfigurationAnchor anchor) {}
}
