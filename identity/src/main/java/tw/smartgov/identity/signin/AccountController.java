package tw.smartgov.identity.signin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tw.smartgov.identity.citizen.CitizenRegister;

/**
 * Where a sign-in without a pending request lands: who is signed in (the registered name), how
 * and when, and sign-out.
 */
@Controller
class AccountController {
    static final String VIEW = "identity/account";
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));

    private final CitizenRegister register;

    AccountController(CitizenRegister register) {
        this.register = register;
    }

    @GetMapping(SignInSessions.HOME)
    String showAccount(Authentication authentication, Model model) {
        SignedIn.from(authentication).ifPresent(signedIn -> {
            model.addAttribute("level", signedIn.level());
            model.addAttribute("authenticatedAt", signedIn.authenticatedAt());
            model.addAttribute("signedInAt", SHOWN.format(signedIn.authenticatedAt()));
            register.find(signedIn.account()).ifPresent(citizen -> model.addAttribute("name", citizen.name()));
        });
        return VIEW;
    }
}
