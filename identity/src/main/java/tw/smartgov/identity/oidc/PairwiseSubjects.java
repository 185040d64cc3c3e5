package tw.smartgov.identity.oidc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.ServiceIdentities;

/**
 * Pairwise subject identifiers: {@code sub} = base64url(HMAC-SHA256(k, sector ‖ 0x00 ‖ account)).
 * Relying parties of one sector see the same {@code sub} for a citizen; those of different sectors
 * cannot link theirs, and none learns the account id or the national id.
 *
 * <p>{@code k} is derived from a key the node generates at first start and keeps in trust's key
 * vault ({@code service-oidc-pairwise}): SHA-256 of a label and the private scalar. The vault holds
 * only EC keys; deriving keeps the secret there rather than in a second file. Nodes that must give
 * the same {@code sub} share that key (and the token signing key) by sharing the keystore.
 */
@Component
class PairwiseSubjects {
    private final SecretKeySpec key;

    PairwiseSubjects(ServiceIdentities identities) {
        var secret = (ECPrivateKey)
                identities.identity("oidc-pairwise", CertificateProfile.SIGNING).privateKey();
        this.key = new SecretKeySpec(derive(secret.getS()), "HmacSHA256");
    }

    String subject(String sector, UUID account) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(sector.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(account.toString().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] derive(BigInteger scalar) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update("smartgov pairwise subject key v1".getBytes(StandardCharsets.US_ASCII));
            digest.update(scalar.toByteArray());
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
