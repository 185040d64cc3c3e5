package tw.smartgov.identity.oidc;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tw.smartgov.identity.IdentityProperties;
import tw.smartgov.identity.LevelOfAssurance;
import tw.smartgov.identity.internal.IdentityDatabase;

/**
 * The OpenID Connect provider's endpoints ({@code /.well-known/openid-configuration}, {@code
 * /oauth2/*}, {@code /userinfo}, {@code /connect/logout}) in their own security chain, ordered
 * first and matching only those endpoints. An authorization request without a sign-in goes to
 * {@code /identity/sign-in}; userinfo takes the provider's own access tokens. Authorizations and
 * consents are kept in the {@code identity} schema.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {
    static final int ORDER = 10;
    static final String CONSENT_PAGE = "/identity/consent";

    @Bean
    @Order(ORDER)
    SecurityFilterChain authorizationServer(HttpSecurity http, UserInfoClaims userInfo) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.authorizationEndpoint(endpoint ->
                            endpoint.consentPage(CONSENT_PAGE).authenticationProviders(LevelRequirement::install))
                    .pushedAuthorizationRequestEndpoint(withDefaults())
                    .oidc(oidc -> oidc.providerConfigurationEndpoint(
                                    configuration -> configuration.providerConfigurationCustomizer(
                                            AuthorizationServerSecurity::describe))
                            .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo)));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/identity/sign-in"),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
        return http.build();
    }

    /** Discovery says what SmartGov does beyond the defaults: ES256, pairwise subjects, levels, PAR. */
    static void describe(OidcProviderConfiguration.Builder configuration) {
        var context = AuthorizationServerContextHolder.getContext();
        configuration
                .claim(
                        "pushed_authorization_request_endpoint",
                        context.getIssuer()
                                + context.getAuthorizationServerSettings().getPushedAuthorizationRequestEndpoint())
                .idTokenSigningAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.add("ES256");
                })
                .subjectTypes(types -> {
                    types.clear();
                    types.add("pairwise");
                })
                .scopes(scopes -> {
                    scopes.clear();
                    scopes.addAll(List.of("openid", "profile", UserInfoClaims.NATIONAL_ID_SCOPE));
                })
                .claim(
                        "acr_values_supported",
                        java.util.Arrays.stream(LevelOfAssurance.values())
                                .map(LevelOfAssurance::acr)
                                .toList())
                .claim("claims_supported", List.of("sub", "acr", "amr", "auth_time", "name", "national_id"))
                .claim("require_pushed_authorization_requests", true)
                .claim("code_challenge_methods_supported", List.of("S256"));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        var settings = AuthorizationServerSettings.builder();
        String issuer = properties.issuer();
        if (issuer != null && !issuer.isBlank()) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    @Bean
    OAuth2AuthorizationService authorizationService(IdentityDatabase database, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(database.jdbc(), clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            IdentityDatabase database, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(database.jdbc(), clients);
    }
}
