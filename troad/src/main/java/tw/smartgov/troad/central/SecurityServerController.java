package tw.smartgov.troad.central;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.troad.central.RegistrationMessages.TokenRequest;
import tw.smartgov.troad.central.RegistrationMessages.TokenResponse;

/** Administration of security servers: registration tokens and the list with certificate expiry. */
@RestController
@RequestMapping(path = "/admin/troad/security-servers", produces = MediaType.APPLICATION_JSON_VALUE)
class SecurityServerController {
    private final ServerRegistration registration;
    private final SecurityServers servers;

    SecurityServerController(ServerRegistration registration, SecurityServers servers) {
        this.registration = registration;
        this.servers = servers;
    }

    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> createToken(@RequestBody TokenRequest request) {
        return ResponseEntity.status(201).body(registration.createToken(request));
    }

    @GetMapping
    List<SecurityServers.Server> servers() {
        return servers.all();
    }
}
