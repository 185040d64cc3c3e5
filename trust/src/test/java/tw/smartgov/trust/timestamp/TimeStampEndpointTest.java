package tw.smartgov.trust.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tw.smartgov.trust.TrustIntegrationTest;

@Import(TestServiceIdentities.class)
class TimeStampEndpointTest extends TrustIntegrationTest {
    static final byte[] DATA = "a marriage certificate".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    TimeStampAuthority authority;

    @Autowired
    TimeStamper timeStamper;

    final HttpClient http = HttpClient.newHttpClient();

    URI tsaUrl() {
        return URI.create("http://127.0.0.1:" + port + "/trust/tsa");
    }

    @Test
    void theEndpointServesTimeStampClientsOverLoopbackHttp() {
        var verifier = new TimeStampVerifier(authority.trustAnchor());
        try (var client = new TimeStampClient(tsaUrl(), verifier)) {
            TimeStamp stamp = client.stamp(DATA);

            assertThat(verifier.verify(stamp.encoded(), DATA).tsaSubject())
                    .isEqualTo(authority.certificate().getSubjectX500Principal());
        }
    }

    @Test
    void withoutTsaUrlTheTimeStamperIsTheBuiltInTsa() {
        TimeStamp stamp = timeStamper.stamp(DATA);

        assertThat(timeStamper).isInstanceOf(InProcessTimeStamper.class);
        assertThat(new TimeStampVerifier(authority.trustAnchor())
                        .verify(stamp.encoded(), DATA)
                        .policy())
                .isEqualTo(authority.policy());
    }

    @Test
    void garbageIsAnsweredWithARejectionNotAnHttpError() throws Exception {
        HttpResponse<byte[]> response = post("application/timestamp-query", "garbage".getBytes());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        assertThat(new TimeStampResponse(response.body()).getStatus()).isEqualTo(PKIStatus.REJECTION);
    }

    @Test
    void anotherContentTypeIsUnsupportedMediaType() throws Exception {
        assertThat(post("application/octet-stream", new byte[10]).statusCode()).isEqualTo(415);
    }

    @Test
    void aBodyOver64KibIsContentTooLarge() throws Exception {
        assertThat(post("application/timestamp-query", new byte[64 * 1024 + 1]).statusCode())
                .isEqualTo(413);
    }

    HttpResponse<byte[]> post(String contentType, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(tsaUrl())
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
