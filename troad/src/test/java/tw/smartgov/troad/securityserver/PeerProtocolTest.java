package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.troad.securityserver.TRoadFixture.APP;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.ClientConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.protocol.XRoadHeaders;

/** Security servers talk HTTP/2 to each other, and still answer a peer that offers only HTTP/1.1. */
class PeerProtocolTest {
    private final TRoadFixture t = TRoadFixture.shared();

    @AfterEach
    void reset() {
        t.reset();
    }

    @Test
    void concurrentExchangesBetweenSecurityServersRunOverHttp2() {
        var calls = IntStream.range(0, 8)
                .mapToObj(i -> t.http.sendAsync(
                        t.request(t.a, "/r1/TW/GOV/B/registry/person/persons/" + i)
                                .header(XRoadHeaders.CLIENT, APP.encoded())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        calls.forEach(call ->
                assertThat(call.join().statusCode()).as(call.join().body()).isEqualTo(200));
        // A is the only security server calling B in these tests
        assertThat(t.b.providerConnectionProtocols()).isNotEmpty().containsOnly("h2");
    }

    @Test
    void aPeerOfferingOnlyHttp11IsAnsweredOverHttp11() throws Exception {
        var trust = new PeerTrust(
                new ConfigurationGuard(t.conf::get, Duration.ofHours(1), Clock.systemUTC()),
                t.ca.revocationSource(),
                Clock.systemUTC(),
                chains -> {});
        var connector = new ClientConnector();
        connector.setSslContextFactory(TlsContexts.client(t.aTls, trust));
        var client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.start();
        try {
            // A's own provider port: A's TLS certificate is pinned, and no other test calls there
            ContentResponse response = client.newRequest(t.a.providerAddress().resolve("/r1/TW/GOV/A/app/any"))
                    .timeout(5, java.util.concurrent.TimeUnit.SECONDS)
                    .send();

            assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_1_1);
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getHeaders().get(XRoadHeaders.ERROR)).isEqualTo("Client.BadRequest");
        } finally {
            client.stop();
        }
    }
}
