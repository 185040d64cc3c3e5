package tw.smartgov.identity.oidc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tw.smartgov.identity.LevelOfAssurance;
import tw.smartgov.identity.client.ClientPolicy;
import tw.smartgov.identity.signin.SignedIn;

/**
 * Checks every authorization request, after the standard checks of redirect URI and scope: the
 * request came through PAR if the client requires it, and the sign-in reached the level the
 * client requires (its registered level, raised by {@code acr_values}). A sign-in below it gets
 * the OpenID Connect error {@code unmet_authentication_requirements}, never a code.
 */
final class LevelRequirement {
    static final String UNMET = "unmet_authentication_requirements";

    private LevelRequirement() {}

    /** Installs the checks into the authorization endpoint's provider. */
    static void install(List<AuthenticationProvider> providers) {
        for (AuthenticationProvider provider : providers) {
            if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codes) {
                codes.setAuthenticationValidator(
                        new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(LevelRequirement::check));
            }
        }
    }

    static void check(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        ClientPolicy policy = ClientPolicy.of(context.getRegisteredClient());
        if (policy.pushedRequestsRequired() && !cameThroughPar()) {
            throw error(
                    context,
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "This client must push its authorization request first (PAR, RFC 9126) and send its request_uri.");
        }
        LevelOfAssurance required = required(
                policy.requiredLevel(), request.getAdditionalParameters().get("acr_values"));
        Optional<SignedIn> signedIn = SignedIn.from((Authentication) request.getPrincipal());
        if (signedIn.isPresent() && !signedIn.get().level().satisfies(required)) {
            throw error(
                    context,
                    UNMET,
                    "This service requires level of assurance " + required + " (" + required.acr()
                            + "); the current sign-in reached " + signedIn.get().level() + ".");
        }
    }

    /** The client's level, or the lowest SmartGov level in {@code acr_values} if that is higher. */
    static LevelOfAssurance required(LevelOfAssurance registered, @Nullable Object acrValues) {
        if (!(acrValues instanceof String values) || values.isBlank()) {
            return registered;
        }
        return Arrays.stream(values.trim().split("\\s+"))
                .map(LevelOfAssurance::fromAcr)
                .flatMap(Optional::stream)
                .min(Enum::compareTo)
                .filter(requested -> requested.compareTo(registered) > 0)
                .orElse(registered);
    }

    private static boolean cameThroughPar() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getParameter("request_uri") != null;
        }
        return false;
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(
            OAuth2AuthorizationCodeRequestAuthenticationContext context, String code, String description) {
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(code, description, null), context.getAuthentication());
    }
}
