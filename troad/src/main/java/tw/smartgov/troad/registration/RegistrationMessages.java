package tw.smartgov.troad.registration;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.globalconf.ConfigurationAnchor;

/** The JSON bodies of registration and renewal, shared by the central server and {@link RegistrationClient}. */
public final class RegistrationMessages {
    /** The {@code typ} of a signed renewal request. */
    public static final String RENEWAL_TYPE = "troad-renewal+jws";

    private RegistrationMessages() {}

    /** {@code POST /troad/registration}: CSRs in PEM; dns and ip become the TLS certificate's names. */
    public record RegisterRequest(
            @Nullable String token,
            @Nullable String tlsCsr,
            @Nullable String signingCsr,
            @Nullable List<String> dns,
            @Nullable List<String> ip) {}

    /** The payload of the JWS of {@code POST /troad/registration/renewal}. */
    public record RenewalRequest(
            @Nullable String server,
            @Nullable String tlsCsr,
            @Nullable String signingCsr,
            @Nullable List<String> dns,
            @Nullable List<String> ip,
            @Nullable Instant requestedAt) {}

    /** New certificates (PEM chains, leaf first) and where to get the global configuration. */
    public record Issued(
            String serverId,
            String tlsChain,
            String signingChain,
            String globalConfigurationUrl,
            @Nullable ConfigurationAnchor anchor) {}
}
