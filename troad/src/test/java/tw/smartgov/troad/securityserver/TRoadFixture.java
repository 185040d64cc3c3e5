package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfiguration.MemberEntry;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.messagelog.InMemoryMessageLog;
import tw.smartgov.troad.messagelog.MessageLog;
import tw.smartgov.troad.messagelog.MessageRecord;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.config.AccessGrant;
import tw.smartgov.troad.securityserver.config.AccessRights;
import tw.smartgov.troad.securityserver.config.InMemoryAccessRights;
import tw.smartgov.troad.securityserver.config.InMemoryProvidedServices;
import tw.smartgov.troad.securityserver.config.ProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.troad.securityserver.config.ServiceDescription;
import tw.smartgov.troad.securityserver.peers.PeerTrust;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsSigner;

/**
 * Real loopback T-Road for tests: member A (client subsystems app and other) behind server a,
 * member B (provider subsystem registry) behind server b, a rogue server d whose TLS certificate
 * is not pinned, and entries for a provider whose server is down and one whose pin is wrong. Each
 * server is started like a node starts its data path ({@link TestSecurityServer}). One shared
 * instance per test JVM; tests reset what they change (configuration, access rights, services,
 * failing logs) with {@link #reset()}, and count only the records of their own exchanges ({@link
 * RecordingLog#recordsOf}).
 */
final class TRoadFixture implements AutoCloseable {
    static final MemberId A = new MemberId("TW", "GOV", "A");
    static final MemberId B = new MemberId("TW", "GOV", "B");
    static final SubsystemId APP = A.subsystem("app");
    static final SubsystemId OTHER = A.subsystem("other");
    static final SubsystemId REGISTRY = B.subsystem("registry");
    static final SubsystemId GONE = new MemberId("TW", "GOV", "C").subsystem("gone");
    static final SubsystemId IMPOSTOR = new MemberId("TW", "GOV", "E").subsystem("fake");
    static final ServiceId PERSON = REGISTRY.service("person");
    static final ServiceId BACKEND_DOWN = REGISTRY.service("down");
    static final String PERSON_OPENAPI =
            "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Person\",\"version\":\"1\"},\"paths\":{}}";
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private static TRoadFixture shared;

    final CertificateAuthority ca = TestPki.newCa();
    final Backend backend;
    final AtomicReference<GlobalConfiguration> conf = new AtomicReference<>();
    final RecordingLog clientLog = new RecordingLog();
    final RecordingLog providerLog = new RecordingLog();
    final InMemoryAccessRights rights = new InMemoryAccessRights();
    /** What every server consults; tests may point it at other rights until {@link #reset()}. */
    final SwitchableRights activeRights = new SwitchableRights(rights);

    final InMemoryProvidedServices services = new InMemoryProvidedServices();
    private final List<ServiceDescription> initialServices = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TestSecurityServer a;
    final TestSecurityServer b;
    final TestSecurityServer rogue;
    private final SigningIdentity bTls;
    private @Nullable TamperingRelay relay;
    /** A's TLS identity, pinned for A's server in the configuration. */
    final SigningIdentity aTls;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<SecurityServerEntry> entries = new ArrayList<>();

    /**
     * A network of its own, for a test that counts what every exchange of the network adds (its
     * meters): exchanges of other tests, finishing late, cannot reach it. Close it after.
     */
    static TRoadFixture ownNetwork() {
        return new TRoadFixture();
    }

    static synchronized TRoadFixture shared() {
        if (shared == null) {
            shared = new TRoadFixture();
        }
        return shared;
    }

    private TRoadFixture() {
        try {
            backend = new Backend();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        conf.set(configuration(List.of(), Instant.now().plus(Duration.ofHours(1))));
        aTls = identity(CertificateProfile.TLS_PEER);
        var aSign = identity(CertificateProfile.SIGNING);
        bTls = identity(CertificateProfile.TLS_PEER);
        var bSign = identity(CertificateProfile.SIGNING);
        a = start(A, List.of(APP, OTHER), aTls, aSign, clientLog, ProvidedServices.of(Map.of()));
        initialServices.add(new ServiceDescription(PERSON, backend.uri("/api"), PERSON_OPENAPI));
        initialServices.add(
                new ServiceDescription(BACKEND_DOWN, URI.create("http://127.0.0.1:" + LoopbackPorts.free()), null));
        b = start(B, List.of(REGISTRY), bTls, bSign, providerLog, services);
        rogue = start(
                A,
                List.of(APP),
                identity(CertificateProfile.TLS_PEER),
                aSign,
                clientLog,
                ProvidedServices.of(Map.of()));
        entries.add(entry(A, a.providerAddress(), aTls, aSign, List.of(APP, OTHER)));
        entries.add(entry(B, b.providerAddress(), bTls, bSign, List.of(REGISTRY)));
        entries.add(entry(
                GONE.member(), URI.create("https://127.0.0.1:" + LoopbackPorts.free()), bTls, bSign, List.of(GONE)));
        entries.add(entry(IMPOSTOR.member(), rogue.providerAddress(), bTls, bSign, List.of(IMPOSTOR)));
        reset();
    }

    @Override
    public void close() {
        a.close();
        b.close();
        rogue.close();
        backend.close();
    }

    /** Undoes what tests change: configuration, access rights, logs, hooks. */
    void reset() {
        conf.set(configuration(entries, Instant.now().plus(Duration.ofHours(1))));
        activeRights.delegate = rights;
        rights.list().forEach(rights::revoke);
        rights.grant(AccessGrant.whole(APP, PERSON));
        rights.grant(AccessGrant.whole(APP, BACKEND_DOWN));
        services.list().forEach(d -> services.remove(d.service()));
        initialServices.forEach(services::put);
        clientLog.reset();
        providerLog.reset();
    }

    /**
     * Has B's responses changed after they were signed (until {@link #reset()}): B's entry in the
     * configuration points at a relay that holds B's TLS key and changes the headers of what B answers.
     */
    void tamperProviderResponses(Consumer<HttpFields.Mutable> tamper) {
        if (relay == null) {
            // the relay trusts by the real addresses: it dials B where B really listens
            GlobalConfiguration real = configuration(entries, Instant.now().plus(Duration.ofDays(1)));
            var trust = new PeerTrust(() -> real, ca.revocationSource(), Clock.systemUTC(), chains -> {});
            relay = new TamperingRelay(trust, bTls, aTls, b.providerAddress());
        }
        relay.tamper(tamper);
        String address = relay.address().toString();
        conf.set(configuration(
                entries.stream()
                        .map(e -> e.owner().equals(B) ? withAddress(e, address) : e)
                        .toList(),
                Instant.now().plus(Duration.ofHours(1))));
    }

    private static SecurityServerEntry withAddress(SecurityServerEntry e, String address) {
        return new SecurityServerEntry(
                e.code(),
                e.owner(),
                address,
                e.tlsCertificateSha256(),
                e.signingCertificateSha256(),
                e.signingCertificate(),
                e.clients());
    }

    /**
     * Registers a second security server for B's subsystem, listed before the real one, at an
     * address where nothing listens (until {@link #reset()}).
     */
    void addUnreachableServerBeforeB() {
        SecurityServerEntry real = entries.get(1);
        var unreachable = new SecurityServerEntry(
                "ss0",
                B,
                "https://127.0.0.1:" + LoopbackPorts.free(),
                real.tlsCertificateSha256(),
                real.signingCertificateSha256(),
                real.signingCertificate(),
                real.clients());
        List<SecurityServerEntry> servers = new ArrayList<>(entries);
        servers.add(1, unreachable);
        conf.set(configuration(servers, Instant.now().plus(Duration.ofHours(1))));
    }

    /**
     * Publishes B's signing certificate only by its fingerprint, not its chain (until {@link
     * #reset()}): signatures name their signer by thumbprint, so B's cannot be verified.
     */
    void withholdSigningChainOfB() {
        String pin = entries.get(1).signingCertificateSha256();
        List<SecurityServerEntry> servers = entries.stream()
                .map(e -> e.signingCertificateSha256().equals(pin)
                        ? new SecurityServerEntry(
                                e.code(),
                                e.owner(),
                                e.address(),
                                e.tlsCertificateSha256(),
                                e.signingCertificateSha256(),
                                null,
                                e.clients())
                        : e)
                .toList();
        conf.set(configuration(servers, Instant.now().plus(Duration.ofHours(1))));
    }

    void expireConfiguration(Duration ago) {
        conf.set(configuration(entries, Instant.now().minus(ago)));
    }

    private SigningIdentity identity(CertificateProfile profile) {
        return TestPki.identity(ca, profile);
    }

    private TestSecurityServer start(
            MemberId owner,
            List<SubsystemId> clients,
            SigningIdentity tls,
            SigningIdentity signing,
            MessageLog log,
            ProvidedServices services) {
        var settings = SecurityServerSettings.builder(owner)
                .clients(clients)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(READ_TIMEOUT)
                .build();
        return TestSecurityServer.start(
                settings,
                new TestSecurityServer.Parts(
                        tls,
                        signing,
                        conf::get,
                        ca.revocationSource(),
                        services,
                        activeRights,
                        log,
                        meters,
                        Clock.systemUTC()));
    }

    private static SecurityServerEntry entry(
            MemberId owner, URI address, SigningIdentity tls, SigningIdentity signing, List<SubsystemId> clients) {
        return new SecurityServerEntry(
                "ss1",
                owner,
                address.toString(),
                PeerTrust.sha256Hex(tls.certificate()),
                PeerTrust.sha256Hex(signing.certificate()),
                Pem.encode(new JwsSigner(signing).chain()),
                clients);
    }

    private GlobalConfiguration configuration(List<SecurityServerEntry> servers, Instant expiresAt) {
        var members = List.of(
                new MemberEntry(A, "Agency A", List.of("app", "other")),
                new MemberEntry(B, "Agency B", List.of("registry")),
                new MemberEntry(GONE.member(), "Agency C", List.of("gone")),
                new MemberEntry(IMPOSTOR.member(), "Agency E", List.of("fake")));
        return new GlobalConfiguration(
                "TW",
                1,
                Instant.now(),
                expiresAt,
                members,
                servers,
                List.of(Pem.encode(List.of(ca.root()))),
                List.of());
    }

    HttpRequest.Builder request(TestSecurityServer server, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.clientUri() + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
    }

    HttpClient fixtureHttp() {
        return http;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Access rights whose implementation a test can switch, e.g. to the Spring context's. */
    static final class SwitchableRights implements AccessRights {
        volatile AccessRights delegate;

        SwitchableRights(AccessRights delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean allows(SubsystemId client, ServiceId service, String method, String path) {
            return delegate.allows(client, service, method, path);
        }

        @Override
        public boolean allowsAny(SubsystemId client, ServiceId service) {
            return delegate.allowsAny(client, service);
        }
    }

    /**
     * A message log that records in memory, or fails every record while {@code failing}; each
     * record takes {@code commitTime} to become durable (or to fail). A test counts the records of
     * its own exchanges only ({@link #recordsOf}): a provider appends its record after sending the
     * body, so a record of an earlier test's exchange may still arrive during the next test.
     */
    static final class RecordingLog implements MessageLog {
        private final InMemoryMessageLog memory = new InMemoryMessageLog();
        volatile boolean failing;
        volatile Duration commitTime = Duration.ZERO;

        @Override
        public CompletableFuture<Void> record(MessageRecord record) {
            Duration delay = commitTime;
            if (delay.isZero()) {
                return commit(record);
            }
            var executor = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
            return CompletableFuture.supplyAsync(() -> null, executor).thenCompose(ignored -> commit(record));
        }

        private CompletableFuture<Void> commit(MessageRecord record) {
            return failing ? CompletableFuture.failedFuture(new IOException("disk full")) : memory.record(record);
        }

        /** The records of the exchange whose response this is (by its {@code X-Road-Id}). */
        List<MessageRecord> recordsOf(HttpResponse<?> response) {
            String xRoadId = response.headers().firstValue(XRoadHeaders.ID).orElseThrow();
            return memory.records().stream()
                    .filter(r -> r.xRoadId().equals(xRoadId))
                    .toList();
        }

        void reset() {
            failing = false;
            commitTime = Duration.ZERO;
        }
    }
}
