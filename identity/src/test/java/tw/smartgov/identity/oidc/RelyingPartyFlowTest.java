package tw.smartgov.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.smartgov.identity.LevelOfAssurance;

/**
 * A real relying party (Nimbus OAuth 2.0 / OpenID Connect SDK) completes the code flow with PAR,
 * PKCE and a certificate sign-in; and each way to get it wrong ends with the right error and
 * nothing issued.
 */
class RelyingPartyFlowTest extends RunningProvider {
    @Test
    void aRelyingPartyCompletesTheCodeFlowWithParPkceAndCertificateSignIn() throws Exception {
        ensureCitizen();
        var metadata = provider();
        assertThat(metadata.getIDTokenJWSAlgs()).containsExactly(JWSAlgorithm.ES256);
        assertThat(metadata.getPushedAuthorizationRequestEndpointURI())
                .as(() -> metadata.toJSONObject().toString())
                .isNotNull();

        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        Pushed pushed = push(client, REDIRECT, Map.of());
        URI callback = authorize(new Browser(base()), client, pushed);
        assertThat(callback.toString()).startsWith(REDIRECT);
        assertThat(param(callback, "state"))
                .isEqualTo(pushed.request().getState().getValue());

        OIDCTokenResponse tokens = exchange(client, param(callback, "code"), pushed.verifier());
        IDTokenClaimsSet idToken = new IDTokenValidator(
                        metadata.getIssuer(),
                        client.id(),
                        JWSAlgorithm.ES256,
                        metadata.getJWKSetURI().toURL())
                .validate(tokens.getOIDCTokens().getIDToken(), pushed.request().getNonce());
        assertThat(idToken.getACR().getValue()).isEqualTo("urn:smartgov:loa:high");
        assertThat(idToken.getAMR()).extracting(Object::toString).contains("pop", "swk");
        assertThat(idToken.getAuthenticationTime()).isNotNull();
        assertThat(idToken.getSubject().getValue())
                .isNotEqualTo(citizen.id().toString())
                .doesNotContain(citizen.nationalId().value());

        var userInfoHttp = new UserInfoRequest(
                        metadata.getUserInfoEndpointURI(),
                        tokens.getOIDCTokens().getBearerAccessToken())
                .toHTTPRequest()
                .send();
        assertThat(userInfoHttp.getStatusCode())
                .as(() -> userInfoHttp.getHeaderMap() + " " + userInfoHttp.getBody())
                .isEqualTo(200);
        var userInfo = UserInfoResponse.parse(userInfoHttp).toSuccessResponse().getUserInfo();
        assertThat(userInfo.getSubject()).isEqualTo(idToken.getSubject());
        assertThat(userInfo.getName()).isEqualTo("王小明");
        assertThat(userInfo.getStringClaim("national_id"))
                .isEqualTo(citizen.nationalId().value());

        RefreshToken first = tokens.getOIDCTokens().getRefreshToken();
        TokenResponse refreshed = token(client, new RefreshTokenGrant(first));
        assertThat(refreshed.indicatesSuccess()).isTrue();
        assertThat(refreshed.toSuccessResponse().getTokens().getRefreshToken()).isNotEqualTo(first);
        TokenResponse replayed = token(client, new RefreshTokenGrant(first));
        assertThat(replayed.indicatesSuccess()).isFalse();
        assertThat(replayed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    // ---- negative cases: each ends with the right error and nothing issued ----

    @Test
    void aRedirectUriNotRegisteredExactlyIsRefusedAtPar() throws Exception {
        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        var request = new AuthenticationRequest.Builder(
                        new ResponseType("code"), new Scope("openid"), client.id(), URI.create(REDIRECT + "/other"))
                .nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .build();
        var response = push(client, request);
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
    }

    @Test
    void aRequestWithoutPkceIsRefusedAtPar() throws Exception {
        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        var request = new AuthenticationRequest.Builder(
                        new ResponseType("code"), new Scope("openid"), client.id(), URI.create(REDIRECT))
                .nonce(new Nonce())
                .build();
        var response = push(client, request);
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
    }

    @Test
    void aWrongPkceVerifierAndAReplayedCodeGetNoTokens() throws Exception {
        ensureCitizen();
        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        Pushed pushed = push(client, REDIRECT, Map.of());
        String code = param(authorize(new Browser(base()), client, pushed), "code");
        TokenResponse wrong = token(
                client,
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(REDIRECT), new CodeVerifier()));
        assertThat(wrong.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");

        Pushed again = push(client, REDIRECT, Map.of());
        String second = param(authorize(new Browser(base()), client, again), "code");
        exchange(client, second, again.verifier());
        TokenResponse replayed = token(
                client,
                new AuthorizationCodeGrant(new AuthorizationCode(second), URI.create(REDIRECT), again.verifier()));
        assertThat(replayed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void aPushedRequestUriServesOneAuthorizationOnly() throws Exception {
        ensureCitizen();
        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        Pushed pushed = push(client, REDIRECT, Map.of());
        Browser browser = new Browser(base());
        assertThat(param(authorize(browser, client, pushed), "code")).isNotNull();
        var replay = browser.get(authorizeUrl(client, pushed.requestUri()).toString());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aClientRequiringParRefusesAPlainAuthorizationRequest() throws Exception {
        ensureCitizen();
        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        var plain = new AuthenticationRequest.Builder(
                        new ResponseType("code"), new Scope("openid"), client.id(), URI.create(REDIRECT))
                .nonce(new Nonce())
                .state(new State())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .endpointURI(provider().getAuthorizationEndpointURI())
                .build();
        var response = new Browser(base()).get(plain.toURI().toString());
        String location = Browser.location(response);
        assertThat(location)
                .startsWith(REDIRECT)
                .contains("error=invalid_request")
                .doesNotContain("code=");
    }

    @Test
    void aSignInBelowTheClientsLevelGetsUnmetAuthenticationRequirements() throws Exception {
        ensureCitizen();
        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        Pushed pushed = push(client, REDIRECT, Map.of());
        Browser browser = new Browser(base());
        browser.get("/identity/sign-in/test-level?level=SUBSTANTIAL&account=" + citizen.id());
        String location = Browser.location(
                browser.get(authorizeUrl(client, pushed.requestUri()).toString()));
        assertThat(location)
                .startsWith(REDIRECT)
                .contains("error=unmet_authentication_requirements")
                .doesNotContain("code=");
    }

    @Test
    void acrValuesRaiseTheRequiredLevel() throws Exception {
        ensureCitizen();
        Client client = client(REDIRECT, LevelOfAssurance.SUBSTANTIAL, List.of("profile", "national_id"));
        Browser browser = new Browser(base());
        browser.get("/identity/sign-in/test-level?level=SUBSTANTIAL&account=" + citizen.id());
        Pushed pushed = push(client, REDIRECT, Map.of("acr_values", List.of("urn:smartgov:loa:high")));
        String location = Browser.location(
                browser.get(authorizeUrl(client, pushed.requestUri()).toString()));
        assertThat(location).contains("error=unmet_authentication_requirements");
    }

    @Test
    void aDisabledClientCannotPushARequest() throws Exception {
        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        relyingParties.setEnabled(client.id().getValue(), false);
        var request = new AuthenticationRequest.Builder(
                        new ResponseType("code"), new Scope("openid"), client.id(), URI.create(REDIRECT))
                .nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .build();
        var response = push(client, request);
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void pairwiseSubjectsDifferBetweenSectorsAndAgreeWithinOne() throws Exception {
        ensureCitizen();
        String a = subjectFor("https://a.example.test/callback");
        String a2 = subjectFor("https://a.example.test/other-callback");
        String b = subjectFor("https://b.example.test/callback");
        assertThat(a).isEqualTo(a2).isNotEqualTo(b);
    }

    String subjectFor(String redirect) throws Exception {
        Client client = client(redirect, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        Pushed pushed = push(client, redirect, Map.of());
        String code = param(authorize(new Browser(base()), client, pushed), "code");
        TokenResponse response = token(
                client,
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirect), pushed.verifier()));
        return ((OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens()
                .getIDToken()
                .getJWTClaimsSet()
                .getSubject();
    }
}
