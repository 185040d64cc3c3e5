package tw.smartgov.troad.central;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of issuing a security server's one-time registration token. */
final class TokenMessages {
    private TokenMessages() {}

    /** {@code POST /admin/troad/security-servers/tokens}. */
    record TokenRequest(
            @Nullable String owner,
            @Nullable String code,
            @Nullable String address,
            @Nullable List<String> clients) {}

    /** The token is shown once, here, and never again. */
    record TokenResponse(String serverId, String token, Instant expiresAt) {}
}
