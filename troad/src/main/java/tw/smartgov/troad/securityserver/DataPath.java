package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
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
 * #stop()} releases them. Not restartable. How the Jetty parts are built is {@link JettyServers}'s
 * business.
 */
final class DataPath implements AutoCloseable {
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
                JettyServers.peerClient(
                        TlsContexts.client(wiring.tlsIdentity(), trust),
                        name + "-peers",
                        settings.connectTimeout(),
                        settings.peerConnectionMaxAge()),
                JettyServers.backendClient(name + "-backends", settings.connectTimeout()),
                deadlines);
        this.clientServer =
                JettyServers.server(name + "-client", new ClientProxy(gateway), XRoadErrorType.CLIENT_PROXY_INTERNAL);
        this.clientConnector = JettyServers.listen(
                JettyServers.clientConnector(clientServer), settings.bindHost(), settings.clientPort());
        this.providerServer = JettyServers.server(
                name + "-provider", new ProviderProxy(gateway), XRoadErrorType.SERVER_PROXY_INTERNAL);
        this.providerConnector = JettyServers.listen(
                JettyServers.providerConnector(providerServer, TlsContexts.server(wiring.tlsIdentity(), trust)),
                settings.bindHost(),
                settings.providerPort());
    }

    /** Binds both ports and starts serving. */
    public void start() {
        try {
            for (HttpClient client : new HttpClient[] {gateway.peers(), gateway.backends()}) {
                JettyServers.start(client);
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
        for (var component : new LifeCycle[] {clientServer, providerServer, gateway.peers(), gateway.backends()}) {
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
                .map(JettyServers::protocolOf)
                .toList();
    }

    private String host() {
        String host = settings.bindHost();
        return host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }
}
