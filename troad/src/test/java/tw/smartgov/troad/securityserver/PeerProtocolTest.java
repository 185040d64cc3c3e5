package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.troad.securityserver.TRoadFixture.APP;

import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.protocol.XRoadHeaders;

/** Security servers talk HTTP/2 to each other, and still answer a peer that offers only HTTP/1.1. */
class PeerProtocolTest {
    private static final char[] KEY_PASSWORD = "in-memory".toCharArray();
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
    void aProviderOfAnEarlierReleaseWithoutAlpnIsReachedOverHttp11() throws Exception {
        // the provider port as releases before HTTP/2 opened it: TLS straight to HTTP/1.1, no ALPN
        var old = new Server();
        var config = new HttpConfiguration();
        var customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false);
        config.addCustomizer(customizer);
        var connector = new ServerConnector(
                old,
                new SslConnectionFactory(TlsContexts.server(t.aTls, trust()), "http/1.1"),
                new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        old.addConnector(connector);
        old.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                Content.Sink.write(
                        response, true, request.getConnectionMetaData().getProtocol(), callback);
                return true;
            }
        });
        old.start();
        var clientConnector = new ClientConnector();
        clientConnector.setSslContextFactory(trustingClient()); // the address is not pinned: not the point here
        var client = new HttpClient(SecurityServer.peerTransport(clientConnector, Duration.ofMinutes(1)));
        client.start();
        try {
            ContentResponse response = client.newRequest("https://127.0.0.1:" + connector.getLocalPort() + "/")
                    .timeout(5, java.util.concurrent.TimeUnit.SECONDS)
                    .send();

            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
            assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        } finally {
            client.stop();
            old.stop();
        }
    }

    private SslContextFactory.Client trustingClient() throws Exception {
        var keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(
                "tls", t.aTls.privateKey(), KEY_PASSWORD, t.aTls.chain().toArray(X509Certificate[]::new));
        var tls = new SslContextFactory.Client() {
            @Override
            protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) {
                return SslContextFactory.TRUST_ALL_CERTS;
            }
        };
        tls.setKeyStore(keys);
        tls.setKeyStorePassword(new String(KEY_PASSWORD));
        tls.setEndpointIdentificationAlgorithm(null);
        tls.setIncludeProtocols("TLSv1.3");
        return tls;
    }

    private PeerTrust trust() {
        return new PeerTrust(
                new ConfigurationGuard(t.conf::get, Duration.ofHours(1), Clock.systemUTC()),
                t.ca.revocationSource(),
                Clock.systemUTC(),
                chains -> {});
    }

    @Test
    void aPeerOfferingOnlyHttp11IsAnsweredOverHttp11() throws Exception {
        var trust = trust();
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
