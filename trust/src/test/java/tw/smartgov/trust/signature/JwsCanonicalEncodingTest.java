package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.trust.signature.JwsTest.assertRefused;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;

/** A JWS has one encoding: a valid one re-encoded otherwise is refused, not verified. */
class JwsCanonicalEncodingTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final CertificateAuthority CA = TestPki.newCa();
    private static final SigningIdentity IDENTITY = TestPki.identity(CA, CertificateProfile.SIGNING);
    private static final byte[] PAYLOAD = "申請書 #42".getBytes(StandardCharsets.UTF_8); // 13 bytes: 18 chars

    private final JwsSigner signer = new JwsSigner(IDENTITY);
    private final CertificateValidator validator = new CertificateValidator(List.of(CA.root()), CA.revocationSource());
    private final JwsVerifier verifier = new JwsVerifier(validator);

    @Test
    void aPaddedSignatureIsRefused() {
        String jws = signer.sign(PAYLOAD); // 64 bytes of signature: 86 characters, canonically unpadded
        verifier.verify(jws);
        assertRefused(() -> verifier.verify(jws + "=="), TrustError.MALFORMED_SIGNATURE);
    }

    @Test
    void aSignatureWhoseLastCharacterHasBitsThatEncodeNothingIsRefused() {
        String jws = signer.sign(PAYLOAD);
        // the 86th character carries 2 bits of the 64th byte and 4 bits that must be 0
        assertRefused(() -> verifier.verify(withUnusedBitSet(jws)), TrustError.MALFORMED_SIGNATURE);
        String detached = signer.signDetached(PAYLOAD);
        verifier.verifyDetached(detached, PAYLOAD);
        assertRefused(
                () -> verifier.verifyDetached(withUnusedBitSet(detached), PAYLOAD), TrustError.MALFORMED_SIGNATURE);
    }

    @Test
    void aPayloadOrHeaderEncodedOtherwiseIsRefused() {
        String[] parts = signer.sign(PAYLOAD).split("\\.");
        assertRefused(
                () -> verifier.verify(parts[0] + "." + withUnusedBitSet(parts[1]) + "." + parts[2]),
                TrustError.MALFORMED_SIGNATURE);
        assertRefused(
                () -> verifier.verify(parts[0] + "." + parts[1] + "==." + parts[2]), TrustError.MALFORMED_SIGNATURE);
        String paddedHeader = parts[0] + "=".repeat((4 - parts[0].length() % 4) % 4);
        if (!paddedHeader.equals(parts[0])) {
            assertRefused(
                    () -> verifier.verify(paddedHeader + "." + parts[1] + "." + parts[2]),
                    TrustError.MALFORMED_SIGNATURE);
        }
        // '+' is standard base64's, not base64url's (whatever the signature's first character was)
        assertRefused(
                () -> verifier.verify(parts[0] + "." + parts[1] + ".+" + parts[2].substring(1)),
                TrustError.MALFORMED_SIGNATURE);
    }

    @Test
    void aThumbprintEncodedOtherwiseIsRefused() throws Exception {
        String thumbprint = SignerCertificates.thumbprint(IDENTITY.certificate()); // 32 bytes: 43 chars
        var knowing =
                new JwsVerifier(validator, CertificateProfile.SIGNING, SignerCertificates.of(List.of(signer.chain())));
        assertThat(knowing.verify(signedWith(thumbprint)).signer()).isEqualTo(IDENTITY.certificate());

        assertRefused(() -> knowing.verify(signedWith(withUnusedBitSet(thumbprint))), TrustError.MALFORMED_SIGNATURE);
        assertRefused(() -> knowing.verify(signedWith(thumbprint + "=")), TrustError.MALFORMED_SIGNATURE);
        assertRefused(() -> knowing.verify(signedWith("AAAA")), TrustError.MALFORMED_SIGNATURE); // 3 bytes
    }

    @Test
    void anX5cCertificateEncodedOtherwiseIsRefused() throws Exception {
        String der = java.util.Base64.getEncoder()
                .encodeToString(IDENTITY.certificate().getEncoded());
        String wrapped = der.substring(0, 64) + "\r\n" + der.substring(64); // MIME line break
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .x509CertChain(List.of(new com.nimbusds.jose.util.Base64(wrapped)))
                .build();
        assertRefused(() -> verifier.verify(signed(header)), TrustError.MALFORMED_SIGNATURE);
    }

    @Test
    void aBatchSignatureHasOneEncoding() {
        String encoded = new BatchSigner(signer)
                .sign(List.of(new byte[32], new byte[32], new byte[32]))
                .get(1)
                .encoded();
        String[] parts = encoded.split("~");
        BatchSignature.parse(encoded);

        for (String index : List.of("+1", "01", "-1", " 1")) {
            assertRefused(
                    () -> BatchSignature.parse(parts[0] + "~" + index + "~" + parts[2] + "~" + parts[3]),
                    TrustError.MALFORMED_SIGNATURE);
        }
        assertRefused(() -> BatchSignature.parse(parts[0] + "~1~003~" + parts[3]), TrustError.MALFORMED_SIGNATURE);
        String firstHash = parts[3].split("\\.")[0];
        assertRefused(
                () -> BatchSignature.parse(encoded.replace(firstHash, withUnusedBitSet(firstHash))),
                TrustError.MALFORMED_SIGNATURE);
        assertRefused(() -> BatchSignature.parse(encoded + "="), TrustError.MALFORMED_SIGNATURE);
    }

    /**
     * The same bytes, with a bit set in the last character that encodes nothing (of the last part,
     * for a JWS).
     */
    static String withUnusedBitSet(String encoded) {
        int dot = encoded.lastIndexOf('.');
        if (dot >= 0) {
            return encoded.substring(0, dot + 1) + withUnusedBitSet(encoded.substring(dot + 1));
        }
        assertThat(encoded.length() % 4).as("a last group of 2 or 3 characters").isIn(2, 3);
        int last = ALPHABET.indexOf(encoded.charAt(encoded.length() - 1));
        return encoded.substring(0, encoded.length() - 1) + ALPHABET.charAt(last | 1);
    }

    private static String signedWith(String thumbprint) throws Exception {
        return signed(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .x509CertSHA256Thumbprint(new Base64URL(thumbprint))
                .build());
    }

    private static String signed(JWSHeader header) throws Exception {
        var jws = new JWSObject(header, new Payload(PAYLOAD));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner((ECPrivateKey) IDENTITY.privateKey()));
        return jws.serialize();
    }
}
