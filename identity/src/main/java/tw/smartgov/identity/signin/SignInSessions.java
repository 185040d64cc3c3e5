package tw.smartgov.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Finishes a successful sign-in: a new session id (no fixation), the sign-in in the session, and
 * the way back to what the person was doing (usually the authorization request of a relying party).
 */
@Component
public class SignInSessions {
    /** Where a sign-in without a pending request lands. */
    public static final String HOME = "/identity/account";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = new HttpSessionRequestCache();

    /** Stores the sign-in and returns the URL to redirect to. */
    public String complete(SignedIn signedIn, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        var context = contexts.createEmptyContext();
        context.setAuthentication(signedIn.toAuthentication());
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        SavedRequest saved = requests.getRequest(request, response);
        if (saved == null) {
            return HOME;
        }
        requests.removeRequest(request, response);
        return saved.getRedirectUrl();
    }
}
