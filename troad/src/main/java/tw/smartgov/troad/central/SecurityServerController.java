package tw.smartgov.troad.central;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.troad.central.TokenMessages.TokenRequest;
import tw.smartgov.troad.central.TokenMessages.TokenResponse;

/**
 * Administration of security servers: registration tokens, the list with certificate expiry, and
 * decommissioning.
 */
@CentralRole
@RestController
@RequestMapping(path = "/admin/troad/security-servers", produces = MediaType.APPLICATION_JSON_VALUE)
class SecurityServerController {
    private final ServerRegistration registration;
    private final SecurityServers servers;
    private final ServerDecommission decommission;

    SecurityServerController(
            ServerRegistration registration, SecurityServers servers, ServerDecommission decommission) {
        this.registration = registration;
        this.servers = servers;
        this.decommission = decommission;
    }

    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> createToken(@RequestBody TokenRequest request) {
        return ResponseEntity.status(201).body(registration.createToken(request));
    }

    @GetMapping
    List<SecurityServers.Server> servers() {
        return servers.all();
    }

    /** Removes a server for good, e.g. {@code DELETE …/security-servers/TW/GOV/MOI/ss1}: 204. */
    @DeleteMapping("/{*id}")
    ResponseEntity<Void> decommission(@PathVariable String id) {
        decommission.decommission(RegistryController.strip(id));
        return ResponseEntity.noContent().build();
    }
}
