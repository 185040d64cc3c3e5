package tw.smartgov.identity.client;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relying-party registration for administrators: {@code POST /admin/identity/clients} registers
 * one and answers its client id and, once, its secret; {@code POST
 * /admin/identity/clients/{clientId}/enabled?value=false} disables it. The application's security
 * rules restrict {@code /admin/**}.
 */
@RestController
class ClientAdminController {
    private final RelyingParties relyingParties;

    ClientAdminController(RelyingParties relyingParties) {
        this.relyingParties = relyingParties;
    }

    @PostMapping("/admin/identity/clients")
    ResponseEntity<Map<String, Object>> register(@RequestBody ClientRegistration registration) {
        var registered = relyingParties.register(registration);
        var client = registered.client();
        var policy = ClientPolicy.of(client);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.getClientId());
        if (registered.clientSecret() != null) {
            body.put("client_secret", registered.clientSecret());
        }
        body.put("client_name", client.getClientName());
        body.put("redirect_uris", client.getRedirectUris());
        body.put("scope", String.join(" ", client.getScopes()));
        body.put(
                "token_endpoint_auth_method",
                client.getClientAuthenticationMethods().iterator().next().getValue());
        body.put("sector_identifier", policy.sector());
        body.put("required_acr", policy.requiredLevel().acr());
        body.put("require_pushed_authorization_requests", policy.pushedRequestsRequired());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @PostMapping("/admin/identity/clients/{clientId}/enabled")
    ResponseEntity<Void> setEnabled(@PathVariable String clientId, @RequestParam boolean value) {
        return relyingParties.setEnabled(clientId, value)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail refuse(IllegalArgumentException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "INVALID_CLIENT_REGISTRATION");
        return problem;
    }
}
