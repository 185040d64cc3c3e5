package tw.smartgov.identity.certificate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tw.smartgov.identity.signin.SignInSessions;
import tw.smartgov.identity.signin.SignedIn;

/**
 * The sign-in page: shows a fresh challenge and the command that signs it with a card, and takes
 * the signed response. A refusal shows why, with a new challenge.
 */
@Controller
class CertificateSignInController {
    static final String VIEW = "identity/sign-in";
    private static final Logger log = LoggerFactory.getLogger(CertificateSignInController.class);
    private static final int MAX_RESPONSE = 16_384;

    private final SignInChallenges challenges;
    private final CertificateSignIn signIn;
    private final SignInSessions sessions;

    CertificateSignInController(SignInChallenges challenges, CertificateSignIn signIn, SignInSessions sessions) {
        this.challenges = challenges;
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GetMapping("/identity/sign-in")
    String showSignInForm(HttpServletRequest request, Model model) {
        model.addAttribute("challenge", challenges.issue(request.getSession(true)));
        return VIEW;
    }

    @PostMapping("/identity/sign-in/certificate")
    String processCertificateResponse(
            @RequestParam(name = "response", defaultValue = "") String response,
            HttpServletRequest request,
            HttpServletResponse servletResponse,
            Model model) {
        try {
            if (response.length() > MAX_RESPONSE) {
                throw new CertificateSignInException(CertificateSignInError.MALFORMED_RESPONSE);
            }
            SignedIn signedIn = signIn.verify(request.getSession(true), response);
            log.info("certificate sign-in of account {}", signedIn.account());
            return "redirect:" + sessions.complete(signedIn, request, servletResponse);
        } catch (CertificateSignInException e) {
            log.info("certificate sign-in refused: {}", e.error());
            servletResponse.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", e.error().messageKey());
            model.addAttribute("challenge", challenges.issue(request.getSession(true)));
            return VIEW;
        }
    }
}
