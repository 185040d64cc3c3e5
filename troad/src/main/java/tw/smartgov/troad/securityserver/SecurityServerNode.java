package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfigurationSource;
import tw.smartgov.troad.messagelog.MessageLog;
import tw.smartgov.troad.registration.RegistrationClient;
import tw.smartgov.troad.securityserver.config.AccessRights;
import tw.smartgov.troad.securityserver.config.ProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * One member's security server, running: registered with the central server, polling the signed
 * global configuration, keeping the CA's CRL, renewing its certificates before they expire, and
 * serving the data path ({@link DataPath}) with all of it. Several nodes may run in one process
 * ({@code smartgov dev} runs one per demo member). Created by {@link SecurityServerNodes}.
 */
public final class SecurityServerNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SecurityServerNode.class);
    private static final Duration RENEWAL_CHECK = Duration.ofHours(1);

    private final SecurityServerSettings settings;
    private final URI centralUrl;
    private final KeyVault vault;
    private final ProvidedServices services;
    private final AccessRights accessRights;
    private final MessageLog messageLog;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private @Nullable GlobalConfigurationSource configuration;
    private @Nullable CentralCrl crl;
    private final Enrolment enrolment;
    private volatile Enrolment.@Nullable Identities identities;
    private volatile @Nullable DataPath server;
    private @Nullable ScheduledExecutorService renewals;

    SecurityServerNode(
            SecurityServerSettings settings,
            Path stateDir,
            KeyVault vault,
            ProvidedServices services,
            AccessRights accessRights,
            MessageLog messageLog,
            MeterRegistry meters) {
        this.settings = settings;
        this.centralUrl = requireCentralUrl(settings);
        this.vault = vault;
        this.services = services;
        this.accessRights = accessRights;
        this.messageLog = messageLog;
        this.meters = meters;
        this.enrolment = new Enrolment(settings, stateDir, vault, new RegistrationClient(centralUrl));
    }

    /**
     * Registers if needed, fetches and verifies the global configuration, then opens both ports.
     *
     * @throws IllegalStateException with a message saying what is missing (token, anchor, a
     *     reachable central server)
     */
    public synchronized void start() {
        var ids = enrolment.identities();
        identities = ids;
        var anchor = enrolment.anchor();
        var configuration = new GlobalConfigurationSource(
                anchor,
                anchor.globalConfigurationUrl(),
                settings.pollInterval(),
                settings.globalConfigurationGrace(),
                clock);
        if (!configuration.poll()) {
            throw new IllegalStateException("cannot fetch a valid global configuration from "
                    + anchor.globalConfigurationUrl() + " (see the log for why)");
        }
        configuration.registerMetrics(meters);
        configuration.start();
        this.configuration = configuration;
        var crl = new CentralCrl(centralUrl, Duration.ofMinutes(10), clock);
        crl.fetch();
        this.crl = crl;
        var server = newServer(ids, configuration, crl);
        server.start();
        this.server = server;
        renewals = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("renewal-" + settings.slug()).factory());
        renewals.scheduleWithFixedDelay(
                this::renewIfDue, RENEWAL_CHECK.toMinutes(), RENEWAL_CHECK.toMinutes(), TimeUnit.MINUTES);
        log.info(
                "security server {} is up: client port {}, provider port {}",
                settings.serverId(),
                server.clientPort(),
                server.providerPort());
    }

    private DataPath newServer(Enrolment.Identities ids, GlobalConfigurationSource source, CentralCrl crl) {
        return new DataPath(
                settings,
                new DataPath.Wiring(
                        ids.tls(),
                        ids.signing(),
                        () -> current(source),
                        crl,
                        services,
                        accessRights,
                        messageLog,
                        meters,
                        clock));
    }

    private static URI requireCentralUrl(SecurityServerSettings settings) {
        URI url = settings.centralUrl();
        if (url == null) {
            throw new IllegalStateException(
                    "security server " + settings.serverId() + " needs the central server's URL");
        }
        return url;
    }

    private static GlobalConfiguration current(GlobalConfigurationSource source) {
        return source.current().orElseThrow(() -> new IllegalStateException("no global configuration yet"));
    }

    /** Renews the certificates if due, then restarts the data path on the new ones. */
    synchronized void renewIfDue() {
        try {
            var renewed = enrolment.renewIfDue(started(identities), clock.instant());
            if (renewed.isPresent()) {
                identities = renewed.get();
                started(server).stop();
                var restarted = newServer(renewed.get(), started(configuration), started(crl));
                restarted.start();
                server = restarted;
            }
        } catch (RuntimeException e) {
            log.error("security server {} could not renew its certificates: {}", settings.serverId(), e.getMessage());
        }
    }

    /** Fetches the global configuration now rather than at the next poll; true if a new one applied. */
    public boolean refreshConfiguration() {
        var current = configuration;
        return current != null && current.poll();
    }

    /** True once the node has its certificates (it registered before, with this keystore). */
    public boolean isRegistered() {
        return enrolment.isRegistered();
    }

    public SecurityServerSettings settings() {
        return settings;
    }

    /** The bound client port (after {@link #start()}). */
    public int clientPort() {
        return started(server).clientPort();
    }

    /** The bound provider port (after {@link #start()}). */
    public int providerPort() {
        return started(server).providerPort();
    }

    /** Where the member's information systems call (after {@link #start()}). */
    public URI clientUri() {
        return started(server).clientUri();
    }

    /** The global configuration in use, if one was fetched. */
    public Optional<GlobalConfiguration> configuration() {
        var current = configuration;
        return current == null ? Optional.empty() : current.current();
    }

    public GlobalConfigurationSource.State configurationState() {
        var current = configuration;
        return current == null ? GlobalConfigurationSource.State.REFUSED : current.state();
    }

    /** The TLS certificate in use (after {@link #start()}). */
    public X509Certificate tlsCertificate() {
        return started(identities).tls().certificate();
    }

    /** The signing certificate in use (after {@link #start()}). */
    public X509Certificate signingCertificate() {
        return started(identities).signing().certificate();
    }

    private static <T> T started(@Nullable T part) {
        if (part == null) {
            throw new IllegalStateException("the security server node has not started");
        }
        return part;
    }

    /** The signing identity the central CA issued, once the node has it. */
    public Optional<SigningIdentity> signingIdentity() {
        var current = identities;
        return current == null ? Optional.empty() : Optional.of(current.signing());
    }

    /** The central CA's CRL as last fetched; empty before the node started. */
    public List<X509CRL> centralCrls() {
        var current = crl;
        return current == null ? List.of() : current.crls();
    }

    @Override
    public synchronized void close() {
        if (renewals != null) {
            renewals.shutdownNow();
        }
        if (server != null) {
            server.stop();
        }
        if (configuration != null) {
            configuration.close();
        }
    }
}
