package tw.smartgov.identity.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsHeaders;
import tw.smartgov.trust.signature.JwsSigner;

/**
 * What a card reader does: opens a card (a PKCS#12 file with one key and its chain) with its PIN
 * and signs a sign-in challenge. The response is a compact JWS (ES256, the card's chain in {@code
 * x5c}) over {@code {"purpose":"smartgov-sign-in","challenge":"…"}}: the purpose keeps a signature
 * made for something else from passing as a sign-in.
 */
public final class CardResponse {
    public static final String PURPOSE = "smartgov-sign-in";
    static final String TYPE = "smartgov-sign-in+jwt";

    private CardResponse() {}

    /**
     * @throws IllegalArgumentException the file is not a card or the PIN is wrong
     */
    public static SigningIdentity open(byte[] pkcs12, char[] pin) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), pin);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    var key = (PrivateKey) store.getKey(alias, pin);
                    Certificate[] chain = store.getCertificateChain(alias);
                    List<X509Certificate> certificates =
                            Arrays.stream(chain).map(c -> (X509Certificate) c).toList();
                    return new SigningIdentity(key, certificates);
                }
            }
            throw new IllegalArgumentException("the card holds no key");
        } catch (IOException e) {
            throw new IllegalArgumentException("the card cannot be opened: wrong PIN, or not a PKCS#12 file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the card cannot be read: " + e.getMessage(), e);
        }
    }

    /** The response to {@code challenge}, signed with the card's key. */
    public static String sign(SigningIdentity card, String challenge) {
        if (!challenge.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalArgumentException("a challenge is 16 to 128 characters of A-Z, a-z, 0-9, - and _");
        }
        String payload = "{\"purpose\":\"" + PURPOSE + "\",\"challenge\":\"" + challenge + "\"}";
        return new JwsSigner(card).sign(payload.getBytes(StandardCharsets.UTF_8), new JwsHeaders(TYPE, null));
    }
}
