package tw.smartgov.troad.securityserver;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
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
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tw.smartgov.troad.securityserver.exchange.TRoadHeaders;
import tw.smartgov.troad.securityserver.peers.PeerTrust;
import tw.smartgov.troad.securityserver.peers.TlsContexts;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * A misbehaving provider security server for tests: holds the provider's TLS key, passes each
 * request on to the real provider (with the client's TLS key, asking for no log confirmation in a
 * trailer) and changes the signed response's headers before it returns them.
 */
final class TamperingRelay implements AutoCloseable {
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "transfer-encoding");

    private final Server server = new Server(daemonThreads("relay"));
    private final ServerConnector connector;
    private final HttpClient client;
    private final URI provider;
    private volatile Consumer<HttpFields.Mutable> tamper = headers -> {};

    TamperingRelay(PeerTrust trust, SigningIdentity providerTls, SigningIdentity clientTls, URI provider) {
        this.provider = provider;
        var config = new HttpConfiguration();
        config.setSendDateHeader(false);
        config.setSendServerVersion(false);
        var customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false);
        config.addCustomizer(customizer);
        var http = new HttpConnectionFactory(config);
        connector = new ServerConnector(
                server, new SslConnectionFactory(TlsContexts.server(providerTls, trust), http.getProtocol()), http);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                relay(request, response, callback);
                return true;
            }
        });
        var clientConnector = new ClientConnector();
        clientConnector.setSslContextFactory(TlsContexts.client(clientTls, trust));
        client = new HttpClient(new HttpClientTransportOverHTTP(clientConnector));
        client.setExecutor(daemonThreads("relay-client"));
        client.setUserAgentField(null); // it would be a signed header the client side never sent
        try {
            server.start();
            client.start();
            client.getContentDecoderFactories().clear();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // the fixture is never closed: its threads must not keep the test JVM alive
    private static QueuedThreadPool daemonThreads(String name) {
        var pool = new QueuedThreadPool();
        pool.setName(name);
        pool.setDaemon(true);
        return pool;
    }

    /** Where the relay listens, to be published as the provider's address. */
    URI address() {
        return URI.create("https://127.0.0.1:" + connector.getLocalPort());
    }

    /** Changes the provider's responses' headers from now on. */
    void tamper(Consumer<HttpFields.Mutable> change) {
        tamper = change;
    }

    private void relay(Request request, Response response, Callback callback) throws Exception {
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        String query = request.getHttpURI().getQuery();
        var forward = client.newRequest(
                        provider.resolve(request.getHttpURI().getPath() + (query == null ? "" : "?" + query)))
                .method(request.getMethod())
                .headers(headers -> copy(request.getHeaders(), headers))
                .timeout(10, TimeUnit.SECONDS);
        if (body.length > 0) {
            forward.body(new BytesRequestContent((String) null, body)); // no content type of Jetty's own
        }
        ContentResponse answer = forward.send();
        HttpFields.Mutable headers = HttpFields.build();
        copy(answer.getHeaders(), headers);
        tamper.accept(headers);
        response.setStatus(answer.getStatus());
        headers.forEach(response.getHeaders()::add);
        response.getHeaders().put("Content-Length", answer.getContent().length);
        response.write(true, ByteBuffer.wrap(answer.getContent()), callback);
    }

    private static void copy(HttpFields from, HttpFields.Mutable to) {
        for (HttpField field : from) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            if (!HOP.contains(name) && !name.equalsIgnoreCase(TRoadHeaders.CONFIRM_LOG)) {
                to.add(field);
            }
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
            server.stop();
        } catch (Exception e) {
            // stopping a test fixture
        }
    }
}
