package tw.smartgov.identity.oidc;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.client.ClientPolicy;
import tw.smartgov.identity.signin.SignedIn;

/**
 * Every token is signed ES256. Tokens issued for a signed-in citizen carry the pairwise {@code sub}
 * of the client's sector (never the account id), and the ID token says how the citizen signed in:
 * {@code acr} (the level), {@code amr} (the methods) and {@code auth_time}. No other personal data
 * is put in tokens: claims such as the name come from userinfo, by scope.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    private final PairwiseSubjects subjects;

    TokenClaims(PairwiseSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
        SignedIn.from(context.getPrincipal()).ifPresent(signedIn -> {
            String sector = ClientPolicy.of(context.getRegisteredClient()).sector();
            var claims = context.getClaims();
            claims.subject(subjects.subject(sector, signedIn.account()));
            claims.claim("acr", signedIn.level().acr());
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                claims.claim("amr", new java.util.ArrayList<>(signedIn.amr())); // a type the stored metadata allows
                // a Date: the JWT encoder writes it in seconds, and the stored token metadata may hold it
                claims.claim("auth_time", java.util.Date.from(signedIn.authenticatedAt()));
            }
        });
    }
}
