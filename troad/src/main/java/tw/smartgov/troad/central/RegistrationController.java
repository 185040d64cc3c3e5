package tw.smartgov.troad.central;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.troad.registration.RegistrationMessages.Issued;
import tw.smartgov.troad.registration.RegistrationMessages.RegisterRequest;

/**
 * Public endpoints of security servers: registration with a one-time token, renewal signed with
 * the current signing key. Both carry their own proof, so they need no session.
 */
@CentralRole
@RestController
class RegistrationController {
    private final ServerRegistration registration;
    private final CertificateRenewal renewal;

    RegistrationController(ServerRegistration registration, CertificateRenewal renewal) {
        this.registration = registration;
        this.renewal = renewal;
    }

    @PostMapping(
            path = "/troad/registration",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Issued> register(@RequestBody RegisterRequest request) {
        return ResponseEntity.status(201).body(registration.register(request));
    }

    /** The body is a compact JWS ({@code typ troad-renewal+jws}) over a renewal request. */
    @PostMapping(
            path = "/troad/registration/renewal",
            consumes = {"application/jose", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Issued renew(@RequestBody String jws) {
        return renewal.renew(jws);
    }
}
