package tw.smartgov.trust.signature;

import java.util.Base64;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * Decodes base64url (RFC 4648 §5, without padding, as JWS uses it: RFC 7515 §2) in its one
 * canonical form only, so that equal bytes have one encoding and a JWS string identifies what it
 * carries. {@link Base64#getUrlDecoder()} refuses characters outside the alphabet but accepts
 * padding and ignores the low bits of a last character that complete no byte ({@code QQ} and
 * {@code QR} both decode to {@code A}); both are refused here.
 */
final class Base64Url {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    /**
     * @param what what is decoded, for the error message (e.g. "the JWS signature")
     * @throws TrustException MALFORMED_SIGNATURE unless {@code encoded} is canonical base64url
     */
    static byte[] decode(String encoded, String what) {
        int rest = encoded.length() % 4;
        if (encoded.endsWith("=") || rest == 1) {
            throw notCanonical(what, "padded or of an impossible length");
        }
        if (rest != 0) {
            // 2 characters carry 1 byte (4 bits left over), 3 carry 2 (2 bits left over)
            int leftOver = rest == 2 ? 0b1111 : 0b11;
            int last = ALPHABET.indexOf(encoded.charAt(encoded.length() - 1));
            if (last >= 0 && (last & leftOver) != 0) {
                throw notCanonical(what, "its last character has bits that encode nothing");
            }
        }
        try {
            return DECODER.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw notCanonical(what, "it has characters outside the alphabet");
        }
    }

    /**
     * Standard base64 with padding (RFC 4648 §4), as {@code x5c} carries certificates (RFC 7515
     * §4.1.6), checked canonical by encoding the decoded bytes again.
     *
     * @throws TrustException MALFORMED_SIGNATURE unless {@code encoded} is canonical
     */
    static void requireCanonicalBase64(String encoded, byte[] decoded, String what) {
        if (!Base64.getEncoder().encodeToString(decoded).equals(encoded)) {
            throw new TrustException(
                    TrustError.MALFORMED_SIGNATURE,
                    what + " is not canonical base64 (padded, no line breaks, unused bits zero)");
        }
    }

    private static TrustException notCanonical(String what, String why) {
        return new TrustException(TrustError.MALFORMED_SIGNATURE, what + " is not canonical base64url: " + why);
    }
}
