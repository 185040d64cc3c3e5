package tw.smartgov.identity.signin;

import java.security.Principal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.citizen.Citizen;
import tw.smartgov.identity.citizen.CitizenRegister;
import tw.smartgov.web.PersonNames;

/**
 * Names a signed-in citizen by their registered name in the shared layout: the principal's own
 * name is the account's id, which means nothing to the person.
 */
@Component
class CitizenNames implements PersonNames {
    private final CitizenRegister register;

    CitizenNames(CitizenRegister register) {
        this.register = register;
    }

    @Override
    public Optional<String> nameOf(Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return Optional.empty();
        }
        return SignedIn.from(authentication)
                .flatMap(signedIn -> register.find(signedIn.account()))
                .map(Citizen::name);
    }
}
