package tw.smartgov.identity.signin;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a sign-in without a pending request lands: how the citizen is signed in, and sign-out. */
@Controller
class AccountController {
    static final String VIEW = "identity/account";

    @GetMapping(SignInSessions.HOME)
    String showAccount(Authentication authentication, Model model) {
        SignedIn.from(authentication).ifPresent(signedIn -> {
            model.addAttribute("level", signedIn.level());
            model.addAttribute("authenticatedAt", signedIn.authenticatedAt());
        });
        return VIEW;
    }
}
