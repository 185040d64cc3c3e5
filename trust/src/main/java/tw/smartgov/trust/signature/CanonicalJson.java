package tw.smartgov.trust.signature;

import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * RFC 8785 (JCS) canonical form of JSON: the same document always gives the same bytes, whatever
 * its whitespace, member order or number spelling, so a signature over them survives re-encoding.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /**
     * @return the UTF-8 bytes of the canonical form of {@code json}
     * @throws TrustException INVALID_ARGUMENT if {@code json} is not JSON
     */
    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw new TrustException(TrustError.INVALID_ARGUMENT, "not a JSON document: " + e.getMessage(), e);
        }
    }
}
