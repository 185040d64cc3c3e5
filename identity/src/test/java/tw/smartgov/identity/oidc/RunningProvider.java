package tw.smartgov.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import tw.smartgov.IdentityTestApplication;
import tw.smartgov.identity.LevelOfAssurance;
import tw.smartgov.identity.NationalId;
import tw.smartgov.identity.certificate.CardResponse;
import tw.smartgov.identity.certificate.CitizenCards;
import tw.smartgov.identity.citizen.Citizen;
import tw.smartgov.identity.citizen.CitizenRegister;
import tw.smartgov.identity.client.ClientRegistration;
import tw.smartgov.identity.client.RelyingParties;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.testing.TestNodeProperties;

/**
 * The provider running on loopback with PostgreSQL, and what a relying party and a browser do
 * against it. A real relying party (Nimbus OAuth 2.0 / OpenID Connect SDK) against the provider running on
 * loopback with PostgreSQL: PAR, authorization with a certificate sign-in, consent, code and PKCE,
 * ID token (ES256 via JWKS, nonce, acr), userinfo and refresh-token rotation.
 */
@SpringBootTest(classes = IdentityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningProvider {
    static final String REDIRECT = "https://rp.example.test/callback";
    static final char[] PIN = "123456".toCharArray();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestNodeProperties.register(
                registry,
                java.nio.file.Files.createTempDirectory("identity-test").toString());
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("smartgov.identity.pool-size", () -> "4");
    }

    @LocalServerPort
    int port;

    @Autowired
    RelyingParties relyingParties;

    @Autowired
    CitizenRegister register;

    @Autowired
    CitizenCards cards;

    static Citizen citizen;
    static SigningIdentity card;

    URI base() {
        return URI.create("http://localhost:" + port);
    }

    OIDCProviderMetadata provider() throws Exception {
        return OIDCProviderMetadata.resolve(new Issuer(base()));
    }

    @BeforeAll
    static void noop() {}

    void ensureCitizen() {
        if (citizen == null) {
            citizen = register.enrol(NationalId.withCheckDigit("A12345678"), "王小明");
            card = CardResponse.open(
                    cards.issue(citizen, Duration.ofDays(30), PIN).pkcs12(), PIN);
        }
    }

    record Client(ClientID id, Secret secret) {}

    Client client(String redirect, LevelOfAssurance level, List<String> scopes) {
        var registered = relyingParties.register(
                new ClientRegistration("測試服務", List.of(redirect), scopes, null, null, null, level, null, null));
        return new Client(new ClientID(registered.client().getClientId()), new Secret(registered.clientSecret()));
    }

    record Pushed(URI requestUri, AuthenticationRequest request, CodeVerifier verifier) {}

    Pushed push(Client client, String redirect, Map<String, List<String>> extra) throws Exception {
        var verifier = new CodeVerifier();
        var builder = new AuthenticationRequest.Builder(
                        new ResponseType("code"),
                        new Scope("openid", "profile", "national_id"),
                        client.id(),
                        URI.create(redirect))
                .state(new State())
                .nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        extra.forEach((name, values) -> builder.customParameter(name, values.toArray(String[]::new)));
        var request = builder.build();
        var response = push(client, request);
        assertThat(response.indicatesSuccess())
                .as(() -> response.toErrorResponse().getErrorObject().toString())
                .isTrue();
        return new Pushed(response.toSuccessResponse().getRequestURI(), request, verifier);
    }

    /** Pushes {@code request} to the PAR endpoint, authenticated as {@code client}. */
    PushedAuthorizationResponse push(Client client, AuthenticationRequest request) throws Exception {
        return PushedAuthorizationResponse.parse(new PushedAuthorizationRequest(
                        provider().getPushedAuthorizationRequestEndpointURI(),
                        new ClientSecretBasic(client.id(), client.secret()),
                        request)
                .toHTTPRequest()
                .send());
    }

    URI authorizeUrl(Client client, URI requestUri) throws Exception {
        return new AuthorizationRequest.Builder(requestUri, client.id())
                .endpointURI(provider().getAuthorizationEndpointURI())
                .build()
                .toURI();
    }

    /** Signs in on the sign-in page with {@code card}; returns the response to the form. */
    static java.net.http.HttpResponse<String> signIn(Browser browser, SigningIdentity card) {
        var page = Browser.html(browser.get("/identity/sign-in"));
        String challenge = page.getElementById("challenge").text();
        return browser.post(
                "/identity/sign-in/certificate",
                Map.of("_csrf", csrf(page.selectFirst("form")), "response", CardResponse.sign(card, challenge)));
    }

    static String csrf(Element form) {
        return form.selectFirst("input[name=_csrf]").val();
    }

    /** The whole front channel: authorize, sign in, consent; returns the redirect to the client. */
    URI authorize(Browser browser, Client client, Pushed pushed) throws Exception {
        var toSignIn = browser.get(authorizeUrl(client, pushed.requestUri()).toString());
        assertThat(Browser.location(toSignIn)).contains("/identity/sign-in");
        var signedIn = signIn(browser, card);
        var next = browser.get(Browser.location(signedIn));
        String location = Browser.location(next);
        if (location.contains("/identity/consent")) {
            var consent = Browser.html(browser.get(location));
            var form = consent.getElementById("approve").closest("form");
            List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
            fields.add(Map.entry("_csrf", csrf(form)));
            fields.add(Map.entry(
                    "client_id", form.selectFirst("input[name=client_id]").val()));
            fields.add(Map.entry("state", form.selectFirst("input[name=state]").val()));
            form.select("input[name=scope]").eachAttr("value").forEach(scope -> fields.add(Map.entry("scope", scope)));
            var response = browser.post("/oauth2/authorize", fields);
            location = Browser.location(response);
        }
        return URI.create(location);
    }

    static String param(URI uri, String name) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
    }

    OIDCTokenResponse exchange(Client client, String code, CodeVerifier verifier) throws Exception {
        TokenResponse response =
                token(client, new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(REDIRECT), verifier));
        assertThat(response.indicatesSuccess())
                .as(() -> ((TokenErrorResponse) response).getErrorObject().toString())
                .isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    TokenResponse token(Client client, AuthorizationGrant grant) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(
                        provider().getTokenEndpointURI(), new ClientSecretBasic(client.id(), client.secret()), grant)
                .toHTTPRequest()
                .send());
    }
}
