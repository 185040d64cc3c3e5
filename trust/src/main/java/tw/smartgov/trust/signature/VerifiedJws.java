package tw.smartgov.trust.signature;

import java.security.cert.X509Certificate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JWS whose signature was checked.
 *
 * @param payload the signed bytes (for a detached JWS, the payload given to the verifier)
 * @param chain the signer's chain from {@code x5c}, leaf first
 * @param type the {@code typ} header, if any
 * @param contentType the {@code cty} header, if any
 */
public record VerifiedJws(
        byte[] payload,
        List<X509Certificate> chain,
        @Nullable String type,
        @Nullable String contentType) {
    public VerifiedJws {
        payload = payload.clone();
        chain = List.copyOf(chain);
    }

    /** The signer's certificate. */
    public X509Certificate signer() {
        return chain.getFirst();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
