package tw.smartgov.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.identity.LevelOfAssurance;

/**
 * Test only: signs an account in at a level below HIGH, standing in for the passkey sign-in that is
 * not built yet, so that level enforcement can be tested end to end.
 */
@RestController
class TestLevelSignIn {
    private final SignInSessions sessions;

    TestLevelSignIn(SignInSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/identity/sign-in/test-level")
    String signIn(
            @RequestParam UUID account,
            @RequestParam LevelOfAssurance level,
            HttpServletRequest request,
            HttpServletResponse response) {
        var signedIn = new SignedIn(account, level, List.of(SignInMethod.PASSKEY), Instant.now());
        return sessions.complete(signedIn, request, response);
    }
}
