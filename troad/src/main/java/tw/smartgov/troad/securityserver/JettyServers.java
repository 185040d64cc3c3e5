package tw.smartgov.troad.securityserver;

import java.time.Duration;
import java.util.concurrent.Executors;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.securityserver.exchange.TypedErrorHandler;
import tw.smartgov.troad.securityserver.peers.PeerConnectionPool;

/**
 * How a data path's Jetty parts are built: its two servers and their connectors (plain HTTP on the
 * client port; TLS with HTTP/2 and HTTP/1.1 by ALPN on the provider port), the HTTP clients to
 * peers and to backends, and their thread pools. Nothing here holds state.
 */
final class JettyServers {
    static final int MAX_CONNECTIONS_PER_DESTINATION = 256;
    static final int MAX_STREAMS_PER_CONNECTION = 256;

    private JettyServers() {}

    /**
     * A server with a thread pool of its own named {@code name}, answering with {@code handler};
     * errors Jetty answers itself (a malformed request, a handler's exception) carry {@code
     * internalError}. It has no connector yet: see {@link #listen}.
     */
    static Server server(String name, Handler handler, XRoadErrorType internalError) {
        var server = new Server(threads(name));
        server.setHandler(handler);
        server.setStopTimeout(2_000);
        server.setErrorHandler(new TypedErrorHandler(internalError));
        return server;
    }

    /** Adds {@code connector} to its server, to bind {@code host:port} (0 = any free port) on start. */
    static ServerConnector listen(ServerConnector connector, String host, int port) {
        connector.setHost(host);
        connector.setPort(port);
        connector.getServer().addConnector(connector);
        return connector;
    }

    /** The client port's connector: plain HTTP/1.1 for the member's own information systems. */
    static ServerConnector clientConnector(Server server) {
        return new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
    }

    // HTTP/2 first, HTTP/1.1 for peers that do not offer it (a server of an older release): one
    // connection carries the exchanges of every caller, so frames of many exchanges leave in one
    // write and arrive in one read, and a connection never waits for interest in its next request.
    /** The provider port's connector: TLS, then HTTP/2 or HTTP/1.1 as the peer chooses by ALPN. */
    static ServerConnector providerConnector(Server server, SslContextFactory.Server tls) {
        HttpConfiguration config = httpConfiguration();
        var customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false); // peers are authenticated by pinned certificates, not names
        config.addCustomizer(customizer);
        var http11 = new HttpConnectionFactory(config);
        var http2 = new HTTP2ServerConnectionFactory(config);
        http2.setMaxConcurrentStreams(MAX_STREAMS_PER_CONNECTION);
        var alpn = new ALPNServerConnectionFactory(http2.getProtocol(), http11.getProtocol());
        alpn.setDefaultProtocol(http11.getProtocol());
        return new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, http2, http11);
    }

    /** The application protocol of a connection: {@code h2}, {@code http/1.1}, or {@code tls} mid-handshake. */
    static String protocolOf(EndPoint endPoint) {
        Connection connection = endPoint.getConnection();
        if (connection instanceof SslConnection tls) {
            connection = tls.getSslEndPoint().getConnection();
        }
        if (connection instanceof HTTP2Connection) {
            return "h2";
        }
        return connection instanceof HttpConnection ? "http/1.1" : "tls";
    }

    /** The client to other security servers: mutual TLS, connections renewed after {@code maxAge}. */
    static HttpClient peerClient(SslContextFactory.Client tls, String name, Duration connectTimeout, Duration maxAge) {
        var connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        return httpClient(peerTransport(connector, maxAge), name, connectTimeout);
    }

    /** The client to the backends of the services this server provides: plain HTTP/1.1. */
    static HttpClient backendClient(String name, Duration connectTimeout) {
        var transport = new HttpClientTransportOverHTTP(new ClientConnector());
        // The selector thread that reads a backend's response also parses it and hands it to
        // the waiting exchange (UpstreamCall's listeners only complete a future and queue content,
        // never block). Dispatched instead, each response cost a carrier's wake-up for the
        // read, a second one for the exchange, and a wake-up of the selector to re-register
        // the connection for reading: three idle threads woken per call (strace, 2026-12-02).
        transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        return httpClient(transport, name, connectTimeout);
    }

    /**
     * HTTP/2 to peers that choose it by ALPN (a provider port picks {@code h2} first), HTTP/1.1 to
     * the others, including those of releases before HTTP/2, whose provider port does not negotiate
     * at all: without ALPN the client takes the first protocol it offers, hence HTTP/1.1 first.
     */
    static HttpClientTransport peerTransport(ClientConnector connector, Duration maxAge) {
        var http2 = new HTTP2Client(connector);
        var transport = new HttpClientTransportDynamic(
                connector, HttpClientConnectionFactory.HTTP11, new ClientConnectionFactoryOverHTTP2.HTTP2(http2));
        transport.setConnectionPoolFactory(destination -> {
            var pool = new PeerConnectionPool(destination, MAX_CONNECTIONS_PER_DESTINATION, MAX_STREAMS_PER_CONNECTION);
            pool.setMaxDuration(maxAge.toMillis()); // then a new handshake checks the peer's certificate again
            return pool;
        });
        return transport;
    }

    /** Starts an HTTP client so that bodies pass unchanged. */
    static void start(HttpClient client) throws Exception {
        client.start();
        // after start: starting installs default decoders, which would add Accept-Encoding
        // and decode bodies that must pass unchanged
        client.getContentDecoderFactories().clear();
    }

    private static HttpClient httpClient(HttpClientTransport transport, String name, Duration connectTimeout) {
        var client = new HttpClient(transport);
        client.setName(name);
        client.setExecutor(threads(name));
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_DESTINATION);
        return client;
    }

    private static HttpConfiguration httpConfiguration() {
        var config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false); // a Date added here would alter the signed headers
        config.setSendXPoweredBy(false);
        return config;
    }

    private static QueuedThreadPool threads(String name) {
        var pool = new QueuedThreadPool(200, 4);
        pool.setName(name);
        // A reserved thread takes over the selector when a task runs on the selecting thread: at a
        // moderate rate each such hand-off wakes an idle thread (8.8 context switches per exchange
        // in the pool of the peer client, 2.3 without), and blocking work goes to virtual threads.
        pool.setReservedThreads(0);
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        return pool;
    }
}
