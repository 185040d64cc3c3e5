package tw.smartgov.identity.signin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tw.smartgov.identity.LevelOfAssurance;

/**
 * A signed-in account as the session and the authorization server keep it.
 *
 * <p>It is stored as a plain Spring Security authentication (principal = account id, no
 * credentials) whose authorities say the rest: {@code LOA_<level>}, one {@code FactorGrantedAuthority}
 * per method used (its {@code issuedAt} is the sign-in time), and {@code ROLE_CITIZEN}. Those types
 * are on Spring Security's Jackson allow-list, so the authorization server can persist the
 * principal with each authorization and read it back for the ID token.
 *
 * @param account the account id
 * @param level the level of assurance reached
 * @param methods the methods used, in order
 * @param authenticatedAt when the last method succeeded ({@code auth_time})
 */
public record SignedIn(UUID account, LevelOfAssurance level, List<SignInMethod> methods, Instant authenticatedAt) {
    private static final String LEVEL_PREFIX = "LOA_";
    private static final String CITIZEN = "ROLE_CITIZEN";

    public SignedIn {
        methods = List.copyOf(methods);
    }

    /** The authentication to put in the session. */
    public Authentication toAuthentication() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(LEVEL_PREFIX + level.name()));
        authorities.add(new SimpleGrantedAuthority(CITIZEN));
        for (SignInMethod method : methods) {
            authorities.add(FactorGrantedAuthority.withAuthority(method.factor())
                    .issuedAt(authenticatedAt)
                    .build());
        }
        return UsernamePasswordAuthenticationToken.authenticated(account.toString(), null, authorities);
    }

    /** The sign-in an authentication records, if it is one of ours. */
    public static Optional<SignedIn> from(@Nullable Authentication authentication) {
        if (!(authentication instanceof AbstractAuthenticationToken) || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        LevelOfAssurance level = null;
        Set<SignInMethod> methods = new LinkedHashSet<>();
        Instant at = Instant.EPOCH;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = String.valueOf(authority.getAuthority());
            if (name.startsWith(LEVEL_PREFIX)) {
                level = LevelOfAssurance.valueOf(name.substring(LEVEL_PREFIX.length()));
            }
            for (SignInMethod method : SignInMethod.values()) {
                if (method.factor().equals(name)) {
                    methods.add(method);
                    if (authority instanceof FactorGrantedAuthority factor
                            && factor.getIssuedAt().isAfter(at)) {
                        at = factor.getIssuedAt();
                    }
                }
            }
        }
        if (level == null || methods.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new SignedIn(UUID.fromString(authentication.getName()), level, List.copyOf(methods), at));
        } catch (IllegalArgumentException notAnAccount) {
            return Optional.empty();
        }
    }

    /** The {@code amr} claim: the methods' values, each once. */
    public List<String> amr() {
        Set<String> amr = new LinkedHashSet<>();
        methods.forEach(m -> amr.addAll(m.amr()));
        return List.copyOf(amr);
    }
}
