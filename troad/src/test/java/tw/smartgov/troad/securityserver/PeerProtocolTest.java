package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.troad.securityserver.TRoadNetwork.APP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.ssl.SslConnection;
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
import tw.smartgov.troad.securityserver.peers.PeerTrust;
import tw.smartgov.troad.securityserver.peers.TlsContexts;

/** Security servers talk HTTP/2 to each other, and still answer a peer that offers only HTTP/1.1. */
class PeerProtocolTest {
    private static final char[] KEY_PASSWORD = "in-memory".toCharArray();
    private final TRoadNetwork t = TRoadNetwork.shared();

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
        // four exchanges answered only once all four have arrived: one connection each
        try (var provider = new HoldingProvider(old, connector, 4);
                var client = new PeerClient(Duration.ofMinutes(1))) {
            var responses = client.burst(provider, 4);

            responses.forEach(response -> {
                assertThat(response.getStatus())
                        .as(response.getContentAsString())
                        .isEqualTo(200);
                assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_1_1);
            });
            assertThat(provider.connectionsOpened()).isEqualTo(4);
        }
    }

    @Test
    void aBurstOfExchangesToAnHttp2PeerOpensOneConnectionNotOneEach() throws Exception {
        try (var provider = currentProviderPort(16);
                var client = new PeerClient(Duration.ofMinutes(1))) {
            var responses = client.burst(provider, 16);

            responses.forEach(response -> assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_2));
            assertThat(provider.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void aBurstAfterThePeerConnectionReachedItsMaximumAgeOpensOneNewConnection() throws Exception {
        Duration maxAge = Duration.ofMillis(300);
        try (var provider = currentProviderPort(1);
                var client = new PeerClient(maxAge)) {
            client.burst(provider, 1);
            long answered = System.nanoTime(); // the connection is older than this
            // Jetty's pool ages connections on its own nano clock, which no test can move: the
            // connection outliving its maximum age is the behaviour under test, so time must pass.
            assertThat(Await.until(() -> System.nanoTime() - answered > maxAge.toNanos(), Duration.ofSeconds(5)))
                    .isTrue();
            provider.holdUntil(16);

            var responses = client.burst(provider, 16);

            responses.forEach(response -> assertThat(response.getStatus()).isEqualTo(200));
            assertThat(provider.connectionsOpened()).isEqualTo(2);
        }
    }

    /** A provider port as this release opens it (HTTP/2 and HTTP/1.1 by ALPN), holding its answers. */
    private HoldingProvider currentProviderPort(int together) throws Exception {
        var server = new Server();
        return new HoldingProvider(
                server, JettyServers.providerConnector(server, TlsContexts.server(t.aTls, trust())), together);
    }

    /** A provider port whose answers wait until a given number of requests are in at once. */
    private static final class HoldingProvider implements AutoCloseable {
        private final Server server;
        private final ServerConnector connector;
        private final AtomicInteger opened = new AtomicInteger();
        private volatile CountDownLatch together;

        HoldingProvider(Server server, ServerConnector connector, int together) throws Exception {
            this.server = server;
            this.connector = connector;
            this.together = new CountDownLatch(together);
            connector.setHost("127.0.0.1");
            connector.addEventListener(new org.eclipse.jetty.io.Connection.Listener() {
                @Override
                public void onOpened(org.eclipse.jetty.io.Connection connection) {
                    if (connection instanceof SslConnection) {
                        opened.incrementAndGet();
                    }
                }
            });
            server.addConnector(connector);
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    CountDownLatch all = HoldingProvider.this.together;
                    all.countDown();
                    if (!all.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the requests did not all arrive together");
                    }
                    response.setStatus(200);
                    Content.Sink.write(
                            response, true, request.getConnectionMetaData().getProtocol(), callback);
                    return true;
                }
            });
            server.start();
        }

        void holdUntil(int requests) {
            together = new CountDownLatch(requests);
        }

        /** TLS connections accepted so far. */
        int connectionsOpened() {
            return opened.get();
        }

        URI uri() {
            return URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/");
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /** A security server's client of its peers, trusting any certificate (not the point here). */
    private final class PeerClient implements AutoCloseable {
        private final HttpClient client;

        PeerClient(Duration maxConnectionAge) throws Exception {
            var connector = new ClientConnector();
            connector.setSslContextFactory(trustingClient());
            client = new HttpClient(JettyServers.peerTransport(connector, maxConnectionAge));
            client.start();
        }

        /** Sends {@code count} requests at once and waits for all their responses. */
        List<ContentResponse> burst(HoldingProvider provider, int count) throws Exception {
            var sent = IntStream.range(0, count)
                    .mapToObj(i -> new CompletableResponseListener(
                                    client.newRequest(provider.uri()).timeout(15, TimeUnit.SECONDS))
                            .send())
                    .toList();
            List<ContentResponse> responses = new ArrayList<>();
            for (var response : sent) {
                responses.add(response.get(20, TimeUnit.SECONDS));
            }
            return responses;
        }

        @Override
        public void close() throws Exception {
            client.stop();
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
        return new PeerTrust(t.conf::get, t.ca.revocationSource(), Clock.systemUTC(), chains -> {});
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
