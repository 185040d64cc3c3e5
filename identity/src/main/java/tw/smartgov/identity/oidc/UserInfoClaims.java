package tw.smartgov.identity.oidc;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.citizen.Citizen;
import tw.smartgov.identity.citizen.CitizenRegister;
import tw.smartgov.identity.client.ClientPolicy;
import tw.smartgov.identity.signin.SignedIn;

/**
 * Userinfo claims, by the scopes the citizen consented to: always {@code sub} (pairwise) and {@code
 * acr}; {@code name} under {@code profile}; {@code national_id} only under the scope of that name,
 * which the consent page names explicitly.
 */
@Component
class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {
    static final String NATIONAL_ID_SCOPE = "national_id";

    private final CitizenRegister register;
    private final RegisteredClientRepository clients;
    private final PairwiseSubjects subjects;

    UserInfoClaims(CitizenRegister register, RegisteredClientRepository clients, PairwiseSubjects subjects) {
        this.register = register;
        this.clients = clients;
        this.subjects = subjects;
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        var authorization = context.getAuthorization();
        Authentication principal = authorization.getAttribute(Principal.class.getName());
        SignedIn signedIn =
                SignedIn.from(principal).orElseThrow(() -> new InvalidBearerTokenException("not a citizen's token"));
        Citizen citizen = register.find(signedIn.account())
                .orElseThrow(() -> new InvalidBearerTokenException("the account no longer exists"));
        RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
        if (client == null) {
            throw new InvalidBearerTokenException("the client no longer exists");
        }
        Set<String> scopes = context.getAccessToken().getScopes();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subjects.subject(ClientPolicy.of(client).sector(), citizen.id()));
        claims.put("acr", signedIn.level().acr());
        if (scopes.contains("profile")) {
            claims.put("name", citizen.name());
        }
        if (scopes.contains(NATIONAL_ID_SCOPE)) {
            claims.put(NATIONAL_ID_SCOPE, citizen.nationalId().value());
        }
        return new OidcUserInfo(claims);
    }
}
