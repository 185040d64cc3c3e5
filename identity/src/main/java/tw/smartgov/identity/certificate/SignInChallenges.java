package tw.smartgov.identity.certificate;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.IdentityProperties;

/**
 * Sign-in challenges: 256 random bits, one per session at a time, answerable once and only until
 * they expire. Issuing a new one replaces the previous; checking one consumes it whatever the
 * outcome, so that a failed attempt cannot be retried with the same challenge.
 */
@Component
class SignInChallenges {
    private static final String ATTRIBUTE = SignInChallenges.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Challenge(String value, Instant expiresAt) implements java.io.Serializable {}

    private final IdentityProperties properties;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    SignInChallenges(IdentityProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SignInChallenges(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A new challenge for this session, replacing any earlier one. */
    String issue(HttpSession session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, new Challenge(value, clock.instant().plus(properties.challengeLifetime())));
        return value;
    }

    /** Forgets the session's challenge (after a response that could not even be read). */
    void discard(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    /**
     * Consumes the session's challenge.
     *
     * @throws CertificateSignInException CHALLENGE_EXPIRED if there is none or it expired,
     *     CHALLENGE_MISMATCH if {@code answered} is another one
     */
    void consume(HttpSession session, String answered) {
        Object stored = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        if (!(stored instanceof Challenge challenge) || clock.instant().isAfter(challenge.expiresAt())) {
            throw new CertificateSignInException(CertificateSignInError.CHALLENGE_EXPIRED);
        }
        if (!MessageDigest.isEqual(
                challenge.value().getBytes(StandardCharsets.US_ASCII), answered.getBytes(StandardCharsets.US_ASCII))) {
            throw new CertificateSignInException(CertificateSignInError.CHALLENGE_MISMATCH);
        }
    }
}
