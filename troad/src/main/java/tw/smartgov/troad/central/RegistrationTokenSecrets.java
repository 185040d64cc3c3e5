package tw.smartgov.troad.central;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import tw.smartgov.troad.globalconf.CertificateFingerprint;

/** Random registration tokens (256 bits, base64url) and the SHA-256 under which they are stored. */
final class RegistrationTokenSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RegistrationTokenSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return CertificateFingerprint.sha256(token.strip().getBytes(StandardCharsets.UTF_8));
    }
}
