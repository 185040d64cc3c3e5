package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
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
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.messagelog.MessageLog;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.securityserver.client.ClientProxy;
import tw.smartgov.troad.securityserver.config.AccessRights;
import tw.smartgov.troad.securityserver.config.ProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.troad.securityserver.exchange.ConfigurationGuard;
import tw.smartgov.troad.securityserver.exchange.Deadlines;
import tw.smartgov.troad.securityserver.exchange.Gateway;
import tw.smartgov.troad.securityserver.exchange.MessageSigning;
import tw.smartgov.troad.securityserver.exchange.TypedErrorHandler;
import tw.smartgov.troad.securityserver.peers.PeerConnectionPool;
import tw.smartgov.troad.securityserver.peers.PeerTrust;
import tw.smartgov.troad.securityserver.peers.TlsContexts;
import tw.smartgov.troad.securityserver.provider.ProviderProxy;
import tw.smartgov.trust.ca.RevocationSource;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * The data path of one security server: a plain-HTTP client port for the member's own information
 * systems ({@code /r1/{service id}[/path]} with {@code X-Road-Client}, served by {@link
 * ClientProxy}) and a TLS 1.3 provider port (mutual TLS, certificates pinned by the global
 * configuration, served by {@link ProviderProxy}) for other security servers.
 *
 * <p>Holds no global state: any number of instances may run in one JVM. {@link #start()} binds
 * both ports (0 = any free port, see {@link #clientPort()} and {@link #providerPort()}); {@link
 * #stop()} releases them. Not restartable.
 */
final class DataPath implements AutoCloseable {
    private static final int MAX_CONNECTIONS_PER_DESTINATION = 256;
    private static final int MAX_STREAMS_PER_CONNECTION = 256;

    /**
     * What a data path works with besides its settings: given by its node (or a test).
     *
     * @param globalConfiguration the current, verified global configuration (trusted CAs come from it)
     * @param revocation where peer certificates are checked for revocation
     * @param services the services provided and their backends
     */
    record Wiring(
            SigningIdentity tlsIdentity,
            SigningIdentity signingIdentity,
            Supplier<GlobalConfiguration> globalConfiguration,
            RevocationSource revocation,
            ProvidedServices services,
            AccessRights accessRights,
            MessageLog messageLog,
            MeterRegistry meters,
            Clock clock) {}

    private final SecurityServerSettings settings;
    private final Gateway gateway;
    private final Server clientServer;
    private final Server providerServer;
    private final ServerConnector clientConnector;
    private final ServerConnector providerConnector;

    DataPath(SecurityServerSettings settings, Wiring wiring) {
        this.settings = settings;
        var guard = new ConfigurationGuard(
                wiring.globalConfiguration(), settings.globalConfigurationGrace(), wiring.clock());
        var trust = new PeerTrust(
                wiring.globalConfiguration(),
                wiring.revocation(),
                wiring.clock(),
                wiring.messageLog()::rememberSigners);
        String name = settings.serverId();
        var deadlines = new Deadlines(name);
        var signing = new MessageSigning(
                wiring.signingIdentity(),
                settings.signaturePacing(),
                name,
                settings.readTimeout(),
                deadlines,
                wiring.meters());
        try {
            wiring.messageLog().rememberSigners(List.of(signing.chain()));
        } catch (RuntimeException e) {
            signing.close();
            deadlines.close();
            throw e;
        }
        this.gateway = new Gateway(
                settings,
                wiring.clock(),
                guard,
                trust,
                wiring.tlsIdentity(),
                signing,
                wiring.services(),
                wiring.accessRights(),
                wiring.messageLog(),
                wiring.meters(),
                httpClient(TlsContexts.client(wiring.tlsIdentity(), trust), name + "-peers"),
                httpClient(null, name + "-backends"),
                deadlines);
        this.clientServer = new Server(threads(name + "-client"));
        this.clientConnector = new ServerConnector(clientServer, new HttpConnectionFactory(httpConfiguration()));
        this.providerServer = new Server(threads(name + "-provider"));
        this.providerConnector = providerConnector(providerServer, TlsContexts.server(wiring.tlsIdentity(), trust));
        configure(clientServer, clientConnector, settings.clientPort(), new ClientProxy(gateway));
        configure(providerServer, providerConnector, settings.providerPort(), new ProviderProxy(gateway));
        clientServer.setErrorHandler(new TypedErrorHandler(XRoadErrorType.CLIENT_PROXY_INTERNAL));
        providerServer.setErrorHandler(new TypedErrorHandler(XRoadErrorType.SERVER_PROXY_INTERNAL));
    }

    /** Binds both ports and starts serving. */
    public void start() {
        try {
            for (HttpClient client : new HttpClient[] {gateway.peers(), gateway.backends()}) {
                client.start();
                // after start: starting installs default decoders, which would add Accept-Encoding
                // and decode bodies that must pass unchanged
                client.getContentDecoderFactories().clear();
            }
            providerServer.start();
            clientServer.start();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the security server could not start: " + e.getMessage(), e);
        }
    }

    /** Stops serving and releases both ports; idempotent. */
    public void stop() {
        for (var component : new org.eclipse.jetty.util.component.LifeCycle[] {
            clientServer, providerServer, gateway.peers(), gateway.backends()
        }) {
            try {
                component.stop();
            } catch (Exception e) {
                // stopping the others matters more than this failure
            }
        }
        gateway.signing().close();
        gateway.deadlines().close();
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound client port (after {@link #start()}). */
    public int clientPort() {
        return clientConnector.getLocalPort();
    }

    /** The bound provider port (after {@link #start()}). */
    public int providerPort() {
        return providerConnector.getLocalPort();
    }

    /** Where the member's information systems call, e.g. {@code http://127.0.0.1:8080}. */
    public URI clientUri() {
        return URI.create("http://" + host() + ":" + clientPort());
    }

    /** The address to register in the global configuration, e.g. {@code https://127.0.0.1:5500}. */
    public URI providerAddress() {
        return URI.create("https://" + host() + ":" + providerPort());
    }

    /**
     * The application protocol of each connection open on the provider port, {@code h2} or {@code
     * http/1.1} ({@code tls} while a handshake is still under way).
     */
    List<String> providerConnectionProtocols() {
        return providerConnector.getConnectedEndPoints().stream()
                .map(DataPath::protocolOf)
                .toList();
    }

    private static String protocolOf(EndPoint endPoint) {
        Connection connection = endPoint.getConnection();
        if (connection instanceof SslConnection tls) {
            connection = tls.getSslEndPoint().getConnection();
        }
        if (connection instanceof HTTP2Connection) {
            return "h2";
        }
        return connection instanceof HttpConnection ? "http/1.1" : "tls";
    }

    private String host() {
        String host = settings.bindHost();
        return host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }

    private void configure(Server server, ServerConnector connector, int port, Handler handler) {
        connector.setHost(settings.bindHost());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        server.setStopTimeout(2_000);
    }

    // HTTP/2 first, HTTP/1.1 for peers that do not offer it (a server of an older release): one
    // connection carries the exchanges of every caller, so frames of many exchanges leave in one
    // write and arrive in one read, and a connection never waits for interest in its next request.
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
        pool.setVirtualThreadsExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        return pool;
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

    private HttpClient httpClient(SslContextFactory.@Nullable Client tls, String name) {
        var connector = new ClientConnector();
        HttpClientTransport transport;
        if (tls != null) {
            connector.setSslContextFactory(tls);
            transport = peerTransport(connector, settings.peerConnectionMaxAge());
        } else {
            transport = new HttpClientTransportOverHTTP(connector);
            // The selector thread that reads a backend's response also parses it and hands it to
            // the waiting exchange (UpstreamCall's listeners only complete a future and queue content,
            // never block). Dispatched instead, each response cost a carrier's wake-up for the
            // read, a second one for the exchange, and a wake-up of the selector to re-register
            // the connection for reading: three idle threads woken per call (strace, 2026-12-02).
            transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        }
        var client = new HttpClient(transport);
        client.setName(name);
        client.setExecutor(threads(name));
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setConnectTimeout(settings.connectTimeout().toMillis());
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_DESTINATION);
        return client;
    }
}
