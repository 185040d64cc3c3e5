package tw.smartgov.trust.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeStampAuthorityTest {
    static final TestPki PKI = new TestPki("Authority Test");
    static final TimeStampAuthority TSA = new TimeStampAuthority(PKI.tsa("Authority Test TSA"));

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SHA-384", "SHA-512"})
    void grantsSha2Imprints(String algorithm) throws Exception {
        byte[] digest = MessageDigest.getInstance(algorithm).digest("hello".getBytes());
        TimeStampResponse response = respond(HashAlgorithms.oid(algorithm), digest, true, BigInteger.TEN);

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        assertThat(response.getTimeStampToken().getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(digest);
    }

    @Test
    void echoesTheNonceAndStatesPolicyAndAccuracy() throws Exception {
        var info = respond(NISTObjectIdentifiers.id_sha256, new byte[32], true, BigInteger.valueOf(4242))
                .getTimeStampToken()
                .getTimeStampInfo();

        assertThat(info.getNonce()).isEqualTo(BigInteger.valueOf(4242));
        assertThat(info.getPolicy().getId()).isEqualTo(TimeStampAuthority.DEFAULT_POLICY);
        assertThat(info.getAccuracy().getSeconds().intValueExact()).isEqualTo(1);
    }

    @Test
    void embedsTheCertificateChainOnlyWhenAsked() throws Exception {
        var withCerts = respond(NISTObjectIdentifiers.id_sha256, new byte[32], true, null);
        var withoutCerts = respond(NISTObjectIdentifiers.id_sha256, new byte[32], false, null);

        assertThat(withCerts.getTimeStampToken().getCertificates().getMatches(null))
                .hasSize(2);
        assertThat(withoutCerts.getTimeStampToken().getCertificates().getMatches(null))
                .isEmpty();
    }

    @Test
    void givesEveryTokenItsOwnSerialNumber() throws Exception {
        var serials = new HashSet<BigInteger>();
        for (int i = 0; i < 200; i++) {
            serials.add(respond(NISTObjectIdentifiers.id_sha256, new byte[32], false, null)
                    .getTimeStampToken()
                    .getTimeStampInfo()
                    .getSerialNumber());
        }
        assertThat(serials).hasSize(200);
    }

    @Test
    void answersConcurrentRequestsIndependently() throws Exception {
        var verifier = new TimeStampVerifier(PKI.rootCertificate());
        try (var threads = Executors.newFixedThreadPool(8)) {
            var stamps = new ArrayList<Future<VerifiedTimeStamp>>();
            for (int i = 0; i < 64; i++) {
                byte[] data = ("document " + i).getBytes();
                stamps.add(threads.submit(() -> verifier.verify(
                        new InProcessTimeStamper(() -> TSA).stamp(data).encoded(), data)));
            }
            var serials = new HashSet<BigInteger>();
            for (var stamp : stamps) {
                serials.add(stamp.get().serialNumber());
            }
            assertThat(serials).hasSize(64);
        }
    }

    @Test
    void rejectsAnUnsupportedHashAlgorithmWithBadAlg() throws Exception {
        TimeStampResponse response = respond(OIWObjectIdentifiers.idSHA1, new byte[20], true, null);

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
        assertThat(response.getTimeStampToken()).isNull();
    }

    @Test
    void rejectsAnotherPolicyWithUnacceptedPolicy() throws Exception {
        var generator = new TimeStampRequestGenerator();
        generator.setReqPolicy(new ASN1ObjectIdentifier("1.2.3.4"));
        byte[] request = generator
                .generate(NISTObjectIdentifiers.id_sha256, new byte[32])
                .getEncoded();

        TimeStampResponse response = new TimeStampResponse(TSA.respond(request));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
    }

    @Test
    void answersGarbageWithBadDataFormatInsteadOfThrowing() throws Exception {
        TimeStampResponse response = new TimeStampResponse(TSA.respond("not DER at all".getBytes()));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
        assertThat(response.getStatusString()).contains("TimeStampReq");
    }

    @Test
    void refusesAnIdentityWithoutTheTimeStampingUsage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TimeStampAuthority(PKI.notATsa("Plain Signer")))
                .withMessageContaining("id-kp-timeStamping");
    }

    static TimeStampResponse respond(ASN1ObjectIdentifier algorithm, byte[] digest, boolean certReq, BigInteger nonce)
            throws Exception {
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(certReq);
        byte[] request = (nonce == null
                        ? generator.generate(algorithm, digest)
                        : generator.generate(algorithm, digest, nonce))
                .getEncoded();
        return new TimeStampResponse(TSA.respond(request));
    }
}
