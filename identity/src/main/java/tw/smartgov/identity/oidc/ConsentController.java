package tw.smartgov.identity.oidc;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tw.smartgov.identity.client.RelyingParties;

/**
 * The consent page: which service asks, for what, each scope described (the national id by name).
 * The form goes back to the authorization endpoint with the scopes the citizen kept.
 */
@Controller
class ConsentController {
    static final String VIEW = "identity/consent";
    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;

    ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents) {
        this.clients = clients;
        this.consents = consents;
    }

    /** A scope on the page: its name, message key, and whether the citizen already granted it. */
    record ScopeChoice(String scope, String messageKey, boolean granted) {}

    @GetMapping(AuthorizationServerSecurity.CONSENT_PAGE)
    String showConsentForm(
            Principal principal,
            @RequestParam("client_id") String clientId,
            @RequestParam(name = "scope", defaultValue = "") String scope,
            @RequestParam("state") String state,
            Model model) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown or disabled client");
        }
        var current = consents.findById(client.getId(), principal.getName());
        Set<String> granted = current == null ? Set.of() : current.getScopes();
        List<ScopeChoice> choices = new java.util.ArrayList<>();
        for (String requested : new LinkedHashSet<>(Arrays.asList(scope.split(" ")))) {
            if (RelyingParties.SCOPES.contains(requested) && !requested.equals(OidcScopes.OPENID)) {
                choices.add(new ScopeChoice(requested, "identity.scope." + requested, granted.contains(requested)));
            }
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("state", state);
        model.addAttribute("scopes", choices);
        return VIEW;
    }
}
