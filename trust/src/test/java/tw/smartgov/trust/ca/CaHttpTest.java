package tw.smartgov.trust.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tw.smartgov.trust.TrustIntegrationTest;

class CaHttpTest extends TrustIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CertificateAuthority ca;

    @Test
    void theRootAndChainAreDownloadableAsPem() throws Exception {
        HttpResponse<byte[]> root = get("/trust/ca/root.pem");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-pem-file"));
        assertThat(Pem.certificates(root.body())).containsExactly(ca.root());
        assertThat(Pem.certificates(get("/trust/ca/issuing.pem").body())).containsExactly(ca.issuingCertificate());
        assertThat(Pem.certificates(get("/trust/ca/chain.pem").body()))
                .containsExactly(ca.issuingCertificate(), ca.root());
    }

    @Test
    void aCsrIsIssuedWith201AndThePemChain() throws Exception {
        byte[] csr = TestPki.csr(TestPki.keyPair("EC", "secp256r1"), "CN=ss1.gov.tw");
        HttpResponse<byte[]> response =
                post("/admin/trust/ca/certificates?profile=TLS_SERVER&dns=ss1.gov.tw&ip=10.1.2.3&validityDays=30", csr);

        assertThat(response.statusCode()).isEqualTo(201);
        List<X509Certificate> chain = Pem.certificates(response.body());
        assertThat(chain).hasSize(3).endsWith(ca.root());
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/admin/trust/ca/certificates/"
                        + chain.getFirst().getSerialNumber().toString(16));
        assertThat(get("/admin/trust/ca/certificates/"
                                + chain.getFirst().getSerialNumber().toString(16))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aMalformedCsrIsA400ProblemWithACodeAndNoStackTrace() throws Exception {
        HttpResponse<byte[]> response = post("/admin/trust/ca/certificates?profile=SIGNING", "garbage".getBytes());
        String body = new String(response.body());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body)
                .contains("\"code\":\"MALFORMED_CSR\"")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aRevokedCertificateIsListedInTheCrl() throws Exception {
        byte[] csr = TestPki.csr(TestPki.keyPair("EC", "secp256r1"), "CN=revoke me");
        X509Certificate leaf = Pem.certificates(post("/admin/trust/ca/certificates?profile=SIGNING", csr)
                        .body())
                .getFirst();
        String serial = leaf.getSerialNumber().toString(16);

        HttpResponse<byte[]> revoked =
                post("/admin/trust/ca/certificates/" + serial + "/revocation?reason=key-compromise", new byte[0]);
        HttpResponse<byte[]> crl = get("/trust/ca/crl");

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(new String(revoked.body())).contains("KEY_COMPROMISE");
        assertThat(crl.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        var parsed =
                (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl.body()));
        parsed.verify(ca.issuingCertificate().getPublicKey());
        assertThat(parsed.isRevoked(leaf)).isTrue();
        assertThat(parsed.getNextUpdate()).isAfter(new java.util.Date());
    }

    @Test
    void anUnknownSerialIsA404() throws Exception {
        HttpResponse<byte[]> response = get("/admin/trust/ca/certificates/abc123");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body())).contains("UNKNOWN_CERTIFICATE");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
