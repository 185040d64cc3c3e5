package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.RevocationReason;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;

class JwsTest {
    private static final CertificateAuthority CA = TestPki.newCa();
    private static final SigningIdentity IDENTITY = TestPki.identity(CA, CertificateProfile.SIGNING);
    private static final byte[] PAYLOAD = "申請書 #42".getBytes(StandardCharsets.UTF_8);

    private final JwsSigner signer = new JwsSigner(IDENTITY);
    private final JwsVerifier verifier =
            new JwsVerifier(new CertificateValidator(List.of(CA.root()), CA.revocationSource()));

    @Test
    void aCompactJwsVerifiesToItsPayloadAndSigner() {
        String jws = signer.sign(PAYLOAD, new JwsHeaders("smartgov-receipt+jws", "text/plain"));

        VerifiedJws verified = verifier.verify(jws);

        assertThat(verified.payload()).isEqualTo(PAYLOAD);
        assertThat(verified.signer()).isEqualTo(IDENTITY.certificate());
        // x5c carries the chain without the root, which the verifier holds as its anchor
        assertThat(verified.chain())
                .isEqualTo(IDENTITY.chain().subList(0, IDENTITY.chain().size() - 1));
        assertThat(verified.type()).isEqualTo("smartgov-receipt+jws");
        assertThat(verified.contentType()).isEqualTo("text/plain");
    }

    @Test
    void aDetachedJwsHasAnEmptyPayloadPartAndVerifiesWithThePayloadGivenSeparately() {
        String jws = signer.signDetached(PAYLOAD);

        assertThat(jws.split("\\.", -1)[1]).isEmpty();
        assertThat(verifier.verifyDetached(jws, PAYLOAD).payload()).isEqualTo(PAYLOAD);
        assertRefused(
                () -> verifier.verifyDetached(jws, "other".getBytes(StandardCharsets.UTF_8)),
                TrustError.SIGNATURE_INVALID);
    }

    @Test
    void jsonIsSignedOverItsCanonicalBytes() {
        String jws = signer.signJson("{ \"b\": 1, \"a\": [1.0, \"x\"] }", JwsHeaders.NONE);

        assertThat(new String(verifier.verify(jws).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":[1,\"x\"],\"b\":1}");
        assertThat(CanonicalJson.canonicalize("{\"a\":[1,\"x\"],\"b\":1.00}"))
                .isEqualTo(CanonicalJson.canonicalize("{ \"b\": 1, \"a\": [1, \"x\"] }"));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = signer.sign(PAYLOAD).split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode("申請書 #43") + "." + parts[2];
        assertRefused(() -> verifier.verify(tampered), TrustError.SIGNATURE_INVALID);
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String jws = signer.sign(PAYLOAD);
        char last = jws.charAt(jws.length() - 5);
        String tampered =
                jws.substring(0, jws.length() - 5) + (last == 'A' ? 'B' : 'A') + jws.substring(jws.length() - 4);
        assertRefused(() -> verifier.verify(tampered), TrustError.SIGNATURE_INVALID);
    }

    @Test
    void aCriticalHeaderParameterNobodyUnderstandsIsRefused() throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(
                        IDENTITY.certificate().getEncoded())))
                .criticalParams(java.util.Set.of("smartgov-unknown"))
                .customParam("smartgov-unknown", true)
                .build();
        var jws = new JWSObject(header, new Payload(PAYLOAD));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(
                (java.security.interfaces.ECPrivateKey) IDENTITY.privateKey()));
        assertRefused(() -> verifier.verify(jws.serialize()), TrustError.SIGNATURE_INVALID);
    }

    @Test
    void algNoneIsRefused() {
        String[] parts = signer.sign(PAYLOAD).split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        assertRefused(() -> verifier.verify(none), TrustError.SIGNATURE_INVALID);
    }

    @Test
    void anHs256JwsKeyedWithThePublicKeyIsRefused() throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(
                        IDENTITY.certificate().getEncoded())))
                .build();
        var jws = new JWSObject(header, new Payload(PAYLOAD));
        jws.sign(new MACSigner(
                java.util.Arrays.copyOf(IDENTITY.certificate().getPublicKey().getEncoded(), 32)));
        assertRefused(() -> verifier.verify(jws.serialize()), TrustError.SIGNATURE_INVALID);
    }

    @Test
    void aSignerFromAForeignCaIsUntrusted() {
        var stranger = new JwsSigner(TestPki.identity(TestPki.newCa(), CertificateProfile.SIGNING));
        assertRefused(() -> verifier.verify(stranger.sign(PAYLOAD)), TrustError.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void aRevokedSignerIsRefused() {
        SigningIdentity revoked = TestPki.identity(CA, CertificateProfile.SIGNING);
        String jws = new JwsSigner(revoked).sign(PAYLOAD);
        verifier.verify(jws);

        CA.revoke(revoked.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        assertRefused(() -> verifier.verify(jws), TrustError.CERTIFICATE_REVOKED);
    }

    @Test
    void garbageIsAMalformedSignature() {
        assertRefused(() -> verifier.verify("not a jws"), TrustError.MALFORMED_SIGNATURE);
        assertRefused(() -> verifier.verify("a.b.c"), TrustError.MALFORMED_SIGNATURE);
        String noSigner = Base64URL.encode("{\"alg\":\"ES256\"}") + "." + Base64URL.encode(PAYLOAD) + ".AAAA";
        assertRefused(() -> verifier.verify(noSigner), TrustError.MALFORMED_SIGNATURE);
    }

    @Test
    void aJwsNamingItsSignerByThumbprintVerifiesWhereTheChainIsKnown() throws Exception {
        var byThumbprint = new JwsSigner(IDENTITY, JwsSigner.SignerReference.THUMBPRINT);
        String jws = byThumbprint.sign(PAYLOAD, new JwsHeaders("smartgov-batch+jws", null));
        var knowing = new JwsVerifier(
                new CertificateValidator(List.of(CA.root()), CA.revocationSource()),
                CertificateProfile.SIGNING,
                SignerCertificates.of(List.of(byThumbprint.chain())));

        VerifiedJws verified = knowing.verify(jws);

        assertThat(verified.payload()).isEqualTo(PAYLOAD);
        assertThat(verified.chain()).isEqualTo(byThumbprint.chain());
        var header = JWSHeader.parse(new Base64URL(jws.substring(0, jws.indexOf('.'))));
        assertThat(header.getX509CertChain()).isNull();
        assertThat(header.getX509CertSHA256Thumbprint().toString())
                .isEqualTo(SignerCertificates.thumbprint(IDENTITY.certificate()))
                .isEqualTo(SignerCertificates.referencedBy(jws).orElseThrow());
        // the chain is what made signatures long: a reference is a few dozen characters
        assertThat(jws.length()).isLessThan(signer.sign(PAYLOAD).length() - 500);
        assertThat(SignerCertificates.referencedBy(signer.sign(PAYLOAD))).isEmpty();
    }

    @Test
    void aThumbprintNobodyKnowsIsUntrustedAndAKnownOneIsStillValidated() {
        SigningIdentity other = TestPki.identity(CA, CertificateProfile.SIGNING);
        String jws = new JwsSigner(other, JwsSigner.SignerReference.THUMBPRINT).sign(PAYLOAD);
        var validator = new CertificateValidator(List.of(CA.root()), CA.revocationSource());

        assertRefused(() -> verifier.verify(jws), TrustError.CERTIFICATE_UNTRUSTED);
        var knowingAnother =
                new JwsVerifier(validator, CertificateProfile.SIGNING, SignerCertificates.of(List.of(signer.chain())));
        assertRefused(() -> knowingAnother.verify(jws), TrustError.CERTIFICATE_UNTRUSTED);

        var knowing = new JwsVerifier(
                validator, CertificateProfile.SIGNING, SignerCertificates.of(List.of(new JwsSigner(other).chain())));
        knowing.verify(jws);
        CA.revoke(other.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        assertRefused(() -> knowing.verify(jws), TrustError.CERTIFICATE_REVOKED);
    }

    @Test
    void aThumbprintThatIsNotTheX5cSignersIsRefused() throws Exception {
        SigningIdentity other = TestPki.identity(CA, CertificateProfile.SIGNING);
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(
                        IDENTITY.certificate().getEncoded())))
                .x509CertSHA256Thumbprint(new Base64URL(SignerCertificates.thumbprint(other.certificate())))
                .build();
        var jws = new JWSObject(header, new Payload(PAYLOAD));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(
                (java.security.interfaces.ECPrivateKey) IDENTITY.privateKey()));
        var knowingBoth = new JwsVerifier(
                new CertificateValidator(List.of(CA.root()), CA.revocationSource()),
                CertificateProfile.SIGNING,
                SignerCertificates.of(List.of(signer.chain(), new JwsSigner(other).chain())));

        assertRefused(() -> knowingBoth.verify(jws.serialize()), TrustError.SIGNATURE_INVALID);
    }

    static void assertRefused(ThrowingCallable call, TrustError error) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        TrustException.class,
                        e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }
}
