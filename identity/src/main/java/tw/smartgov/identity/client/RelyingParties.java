package tw.smartgov.identity.client;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.LevelOfAssurance;

/**
 * Registers relying parties with FAPI 2.0 defaults: confidential clients only, PKCE required,
 * exact redirect URIs, authorization codes valid for a minute, refresh tokens rotated at every use,
 * ES256 ID tokens.
 */
@Component
public class RelyingParties {
    /** Scopes a relying party may ask for. */
    public static final Set<String> SCOPES = Set.of("openid", "profile", "national_id");

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Client secrets are 256 random bits, not passwords: a salted SHA-256 is enough to keep them
     * unusable if the table leaks, and a slow password hash would cost every token request.
     */
    @SuppressWarnings("deprecation")
    private static final MessageDigestPasswordEncoder SECRETS = new MessageDigestPasswordEncoder("SHA-256");

    private final EnabledClients clients;

    RelyingParties(EnabledClients clients) {
        this.clients = clients;
    }

    /** A registered client and its secret, which is shown this once and stored only hashed. */
    public record Registered(
            RegisteredClient client, @Nullable String clientSecret) {}

    /** @throws IllegalArgumentException a field is missing or not acceptable (the message says which) */
    public Registered register(ClientRegistration registration) {
        List<String> redirectUris = Objects.requireNonNullElse(registration.redirectUris(), List.of());
        redirectUris.forEach(RelyingParties::checkRedirectUri);
        boolean machine = Boolean.TRUE.equals(registration.clientCredentials());
        if (redirectUris.isEmpty() && !machine) {
            throw new IllegalArgumentException("redirectUris: at least one is needed for sign-in");
        }
        if (registration.name().isBlank() || registration.name().length() > 200) {
            throw new IllegalArgumentException("name: 1 to 200 characters");
        }
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add("openid");
        for (String scope : Objects.requireNonNullElse(registration.scopes(), List.<String>of())) {
            if (!SCOPES.contains(scope)) {
                throw new IllegalArgumentException("scopes: unknown scope " + scope + "; known: " + SCOPES);
            }
            scopes.add(scope);
        }
        String clientId = "c" + HexFormat.of().formatHex(randomBytes(10));
        var builder = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(Instant.now())
                .clientName(registration.name().strip())
                .redirectUris(uris -> uris.addAll(redirectUris))
                .postLogoutRedirectUris(uris -> uris.addAll(redirectUris))
                .scopes(s -> s.addAll(scopes))
                .tokenSettings(TokenSettings.builder()
                        .authorizationCodeTimeToLive(Duration.ofMinutes(1))
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .refreshTokenTimeToLive(Duration.ofHours(8))
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
                        .build());
        if (!redirectUris.isEmpty()) {
            builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        }
        if (machine) {
            builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        }
        var settings = ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true);
        String secret = null;
        String method = Objects.requireNonNullElse(registration.authenticationMethod(), "client_secret_basic");
        switch (method) {
            case "client_secret_basic" -> {
                secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientSecret("{SHA-256}" + SECRETS.encode(secret));
            }
            case "private_key_jwt" -> {
                String jwksUri = registration.jwksUri();
                if (jwksUri == null) {
                    throw new IllegalArgumentException("jwksUri: private_key_jwt needs the client's JWK set URL");
                }
                checkHttps("jwksUri", jwksUri);
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
                settings.jwkSetUrl(jwksUri).tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256);
            }
            default ->
                throw new IllegalArgumentException(
                        "authenticationMethod: client_secret_basic or private_key_jwt, not " + method);
        }
        String sector = registration.sector() != null ? registration.sector() : sectorOf(redirectUris, clientId);
        new ClientPolicy(
                        sector,
                        Objects.requireNonNullElse(registration.requiredLevel(), LevelOfAssurance.SUBSTANTIAL),
                        !Boolean.FALSE.equals(registration.pushedRequestsRequired()),
                        true)
                .applyTo(settings);
        RegisteredClient client = builder.clientSettings(settings.build()).build();
        clients.save(client);
        return new Registered(client, secret);
    }

    /**
     * Enables or disables a client.
     *
     * @return false if there is no such client
     */
    public boolean setEnabled(String clientId, boolean enabled) {
        RegisteredClient client = clients.findAnyByClientId(clientId);
        if (client == null) {
            return false;
        }
        var settings = ClientSettings.withSettings(client.getClientSettings().getSettings());
        ClientPolicy.of(client).withEnabled(enabled).applyTo(settings);
        clients.save(
                RegisteredClient.from(client).clientSettings(settings.build()).build());
        return true;
    }

    private static String sectorOf(List<String> redirectUris, String clientId) {
        Set<String> hosts = new LinkedHashSet<>();
        redirectUris.forEach(uri -> hosts.add(URI.create(uri).getHost()));
        if (hosts.size() > 1) {
            throw new IllegalArgumentException(
                    "sector: the redirect URIs are on several hosts " + hosts + "; name the sector they share");
        }
        return hosts.isEmpty() ? clientId : hosts.iterator().next();
    }

    private static void checkRedirectUri(String uri) {
        URI parsed = parse("redirectUris", uri);
        if (parsed.getFragment() != null) {
            throw new IllegalArgumentException("redirectUris: no fragment allowed in " + uri);
        }
        checkHttps("redirectUris", uri);
    }

    private static void checkHttps(String field, String uri) {
        URI parsed = parse(field, uri);
        String host = Objects.requireNonNullElse(parsed.getHost(), "");
        boolean loopback = host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("localhost");
        if (!"https".equals(parsed.getScheme()) && !("http".equals(parsed.getScheme()) && loopback)) {
            throw new IllegalArgumentException(field + ": https is required (http only on a loopback address): " + uri);
        }
    }

    private static URI parse(String field, String uri) {
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute() || parsed.getHost() == null) {
                throw new IllegalArgumentException(field + ": not an absolute URL: " + uri);
            }
            return parsed;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(field + ": not a URL: " + uri, e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
