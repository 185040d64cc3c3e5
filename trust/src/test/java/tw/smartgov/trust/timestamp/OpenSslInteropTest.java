package tw.smartgov.trust.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

/** Interoperability with OpenSSL, through fixtures it produced (see resources timestamp/README.md). */
class OpenSslInteropTest {
    static final byte[] DATA = resource("data.txt");

    @Test
    void theBuiltInTsaGrantsAnOpenSslQuery() throws Exception {
        var tsa = new TimeStampAuthority(new TestPki("Interop").tsa("Interop TSA"));
        byte[] query = resource("openssl-request.tsq");

        var response = new TimeStampResponse(tsa.respond(query));

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        response.validate(new TimeStampRequest(query)); // nonce, imprint, certReq as asked
        assertThat(new TimeStampVerifier(tsa.trustAnchor())
                        .verify(response.getEncoded(), DATA)
                        .hashAlgorithm())
                .isEqualTo("SHA-256");
    }

    @Test
    void aTokenFromOpenSslAsTsaVerifies() throws Exception {
        var verifier = new TimeStampVerifier(certificate("openssl-root.pem"));

        VerifiedTimeStamp verified = verifier.verify(resource("openssl-reply.tsr"), DATA);

        assertThat(verified.policy()).isEqualTo("1.2.3.4.1");
        assertThat(verified.tsaSubject().getName()).isEqualTo("CN=OpenSSL Fixture TSA");
    }

    @Test
    void aReplyThatOpenSslAcceptedStillVerifies() throws Exception {
        var verifier = new TimeStampVerifier(certificate("smartgov-root.pem"));

        VerifiedTimeStamp verified = verifier.verify(resource("smartgov-reply.tsr"), DATA);

        assertThat(verified.policy()).isEqualTo(TimeStampAuthority.DEFAULT_POLICY);
        assertThat(verified.tsaSubject().getName()).isEqualTo("CN=SmartGov Fixture TSA");
    }

    static X509Certificate certificate(String name) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(resource(name)));
    }

    static byte[] resource(String name) {
        try (InputStream in = OpenSslInteropTest.class.getResourceAsStream("/timestamp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource timestamp/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
