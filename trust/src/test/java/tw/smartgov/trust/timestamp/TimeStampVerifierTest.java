package tw.smartgov.trust.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

class TimeStampVerifierTest {
    static final TestPki PKI = new TestPki("Verifier Test");
    static final TimeStampAuthority TSA = new TimeStampAuthority(PKI.tsa("Verifier Test TSA"));
    static final byte[] DATA = "the minutes of the council meeting".getBytes(StandardCharsets.UTF_8);

    final TimeStampVerifier verifier = new TimeStampVerifier(PKI.rootCertificate());

    @Test
    void aTokenFromTheBuiltInTsaVerifiesForItsData() {
        TimeStamp stamp = new InProcessTimeStamper(() -> TSA).stamp(DATA);

        VerifiedTimeStamp verified = verifier.verify(stamp.encoded(), DATA);

        assertThat(verified.genTime()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
        assertThat(verified.serialNumber()).isEqualTo(stamp.verified().serialNumber());
        assertThat(verified.policy()).isEqualTo(TimeStampAuthority.DEFAULT_POLICY);
        assertThat(verified.hashAlgorithm()).isEqualTo("SHA-256");
        assertThat(verified.tsaSubject().getName()).isEqualTo("CN=Verifier Test TSA");
    }

    @Test
    void aTokenFailsForOtherData() {
        byte[] token = new InProcessTimeStamper(() -> TSA).stamp(DATA).encoded();

        assertInvalid(() -> verifier.verify(token, "other minutes".getBytes()), "message imprint does not match");
    }

    @Test
    void aTokenWithTamperedSignatureBytesFails() {
        byte[] token = new InProcessTimeStamper(() -> TSA).stamp(DATA).encoded();
        token[token.length - 1] ^= 0x01; // the last byte belongs to the ECDSA signature value

        assertInvalid(() -> verifier.verify(token, DATA), "signature does not verify");
    }

    @Test
    void aTokenFailsAgainstAForeignTrustAnchor() {
        byte[] token = new InProcessTimeStamper(() -> TSA).stamp(DATA).encoded();
        var foreign = new TimeStampVerifier(new TestPki("Foreign").rootCertificate());

        assertInvalid(() -> foreign.verify(token, DATA), "does not chain to a trust anchor");
    }

    @Test
    void garbageTokenBytesAreMalformed() {
        assertThatThrownBy(() -> verifier.verify("garbage".getBytes(), DATA))
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.MALFORMED_TIMESTAMP));
    }

    @Test
    void aTokenWithoutEmbeddedCertificatesVerifiesWithAGivenTsaCertificate() throws Exception {
        byte[] response = TSA.respond(request(false));

        assertInvalid(() -> verifier.verify(response, DATA), "no certificate for the TSA");
        var withCertificate = new TimeStampVerifier(List.of(PKI.rootCertificate()), List.of(TSA.certificate()));
        assertThat(withCertificate.verify(response, DATA).tsaSubject().getName())
                .isEqualTo("CN=Verifier Test TSA");
    }

    @Test
    void aRejectionResponseIsInvalidAndNamesTheStatus() throws Exception {
        byte[] sha1 = new TimeStampRequestGenerator()
                .generate(OIWObjectIdentifiers.idSHA1, new byte[20])
                .getEncoded();

        assertInvalid(() -> verifier.verify(TSA.respond(sha1), DATA), "refused the request: status 2");
    }

    @Test
    void verifiesAGivenDigest() {
        byte[] digest = HashAlgorithms.digest("SHA-512", DATA);
        byte[] token =
                new InProcessTimeStamper(() -> TSA).stamp(digest, "SHA-512").encoded();

        assertThat(verifier.verifyDigest(token, digest, "SHA-512").hashAlgorithm())
                .isEqualTo("SHA-512");
        assertInvalid(
                () -> verifier.verifyDigest(token, HashAlgorithms.digest("SHA-256", DATA), "SHA-256"), "uses SHA-512");
    }

    static byte[] request(boolean certReq) throws Exception {
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(certReq);
        return generator
                .generate(NISTObjectIdentifiers.id_sha256, HashAlgorithms.digest("SHA-256", DATA))
                .getEncoded();
    }

    static void assertInvalid(Runnable check, String message) {
        assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.TIMESTAMP_INVALID))
                .hasMessageContaining(message);
    }
}
