package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import tw.smartgov.troad.messagelog.MessageLog;
import tw.smartgov.troad.messagelog.MessageLogs;
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
import tw.smartgov.trust.ca.IssuanceRequest;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsSigner;

/**
 * The one live T-Road network of troad's tests, on loopback: member A (client subsystems app, other
 * and quiet) behind server a, member B (provider subsystem registry, services person and down)
 * behind server b, a rogue server whose TLS certificate is not pinned, and entries for a provider
 * whose server is down and one whose pin is wrong. Every server is started the way a node starts
 * its data path ({@link TestSecurityServer}); every certificate comes from one CA.
 *
 * <p>{@link #shared()} is the network of tests that only read what they did: they reset what they
 * change (configuration, access rights, services, failing logs) with {@link #reset()} and count
 * only the records of their own exchanges ({@link RecordingLog#recordsOf}). A test that counts
 * what every exchange adds (meters, a backend's calls), moves a clock or changes certificates
 * builds a network of its own ({@link #ownNetwork()}, {@link #builder()}) and closes it after.
 * Message logs are in memory unless the builder is given the real ones ({@link
 * Builder#messageLogs(MessageLogs)}, in PostgreSQL).
 */
public final class TRoadNetwork implements AutoCloseable {
    public static final MemberId A = new MemberId("TW", "GOV", "A");
    public static final MemberId B = new MemberId("TW", "GOV", "B");
    public static final SubsystemId APP = A.subsystem("app");
    static final SubsystemId OTHER = A.subsystem("other");
    /** A's subsystem whose messages the real message logs keep as metadata only (if so configured). */
    public static final SubsystemId QUIET = A.subsystem("quiet");

    public static final SubsystemId REGISTRY = B.subsystem("registry");
    static final SubsystemId GONE = new MemberId("TW", "GOV", "C").subsystem("gone");
    static final SubsystemId IMPOSTOR = new MemberId("TW", "GOV", "E").subsystem("fake");
    public static final ServiceId PERSON = REGISTRY.service("person");
    static final ServiceId BACKEND_DOWN = REGISTRY.service("down");
    static final String PERSON_OPENAPI =
            "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Person\",\"version\":\"1\"},\"paths\":{}}";
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private static @Nullable TRoadNetwork shared;

    final CertificateAuthority ca;
    private final Clock clock;
    private final Builder options;
    final Backend backend;
    final AtomicReference<GlobalConfiguration> conf = new AtomicReference<>();
    /** Server a's message log; see {@link RecordingLog#use} to swap the log behind it. */
    public final RecordingLog clientLog;
    /** Server b's message log. */
    public final RecordingLog providerLog;

    final InMemoryAccessRights rights = new InMemoryAccessRights();
    /** What every server consults; tests may point it at other rights until {@link #reset()}. */
    final SwitchableRights activeRights = new SwitchableRights(rights);

    final InMemoryProvidedServices services = new InMemoryProvidedServices();
    private final List<ServiceDescription> initialServices = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Server a; replaced by {@link #restartClient}. */
    volatile TestSecurityServer a;

    final TestSecurityServer b;
    final TestSecurityServer rogue;
    final SigningIdentity bTls;
    final SigningIdentity bSign;
    final SigningIdentity aSign;
    private @Nullable TamperingRelay relay;
    /** A's TLS identity, pinned for A's server in the configuration. */
    final SigningIdentity aTls;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<SecurityServerEntry> entries = new ArrayList<>();

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A network of its own with the defaults, for a test that counts what every exchange of the
     * network adds (its meters): exchanges of other tests, finishing late, cannot reach it. Close it
     * after.
     */
    public static TRoadNetwork ownNetwork() {
        return builder().build();
    }

    /** The network shared by the tests of this JVM that only read (see the class comment). */
    public static synchronized TRoadNetwork shared() {
        if (shared == null) {
            shared = builder().build();
        }
        return shared;
    }

    private TRoadNetwork(Builder options) {
        this.options = options;
        this.ca = options.ca != null ? options.ca : TestPki.newCa();
        this.clock = options.clock;
        MessageLogs logs = options.messageLogs;
        this.clientLog = new RecordingLog(logs == null ? null : logs.forServer(A, "ss1"));
        this.providerLog = new RecordingLog(logs == null ? null : logs.forServer(B, "ss1"));
        try {
            backend = new Backend();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        conf.set(configuration(List.of(), Instant.now().plus(Duration.ofHours(1))));
        aTls = identity(CertificateProfile.TLS_PEER, options.aTlsValidity);
        aSign = identity(CertificateProfile.SIGNING, null);
        bTls = identity(CertificateProfile.TLS_PEER, options.bTlsValidity);
        bSign = identity(CertificateProfile.SIGNING, null);
        a = startClient(options.peerConnectionMaxAge);
        initialServices.add(new ServiceDescription(PERSON, backend.uri("/api"), PERSON_OPENAPI));
        initialServices.add(
                new ServiceDescription(BACKEND_DOWN, URI.create("http://127.0.0.1:" + LoopbackPorts.free()), null));
        b = start(B, List.of(REGISTRY), bTls, bSign, providerLog, services, options.peerConnectionMaxAge);
        rogue = start(
                A,
                List.of(APP),
                identity(CertificateProfile.TLS_PEER, null),
                aSign,
                clientLog,
                ProvidedServices.of(Map.of()),
                options.peerConnectionMaxAge);
        entries.add(entry(A, a.providerAddress(), aTls, aSign, List.of(APP, OTHER, QUIET)));
        entries.add(entry(B, b.providerAddress(), bTls, bSign, List.of(REGISTRY)));
        entries.add(entry(
                GONE.member(), URI.create("https://127.0.0.1:" + LoopbackPorts.free()), bTls, bSign, List.of(GONE)));
        entries.add(entry(IMPOSTOR.member(), rogue.providerAddress(), bTls, bSign, List.of(IMPOSTOR)));
        reset();
    }

    /**
     * Replaces server a by a new one with the same identities and connections to peers reused this
     * long: a new TLS context, so no pooled connection and no TLS session to resume. (B identifies a
     * by its pinned certificate, not by its address.)
     */
    void restartClient(Duration peerConnectionMaxAge) {
        a.close();
        a = startClient(peerConnectionMaxAge);
    }

    /** As {@link #restartClient(Duration)}, with the network's connection age. */
    void restartClient() {
        restartClient(options.peerConnectionMaxAge);
    }

    private TestSecurityServer startClient(Duration peerConnectionMaxAge) {
        return start(
                A,
                List.of(APP, OTHER, QUIET),
                aTls,
                aSign,
                clientLog,
                ProvidedServices.of(Map.of()),
                peerConnectionMaxAge);
    }

    @Override
    public void close() {
        http.close();
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
        rights.grant(AccessGrant.whole(QUIET, PERSON));
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

    private SigningIdentity identity(CertificateProfile profile, @Nullable Duration validity) {
        if (validity == null) {
            return TestPki.identity(ca, profile);
        }
        KeyPair keys = TestPki.keyPair("EC", "secp256r1");
        var request = new IssuanceRequest(
                TestPki.csr(keys, "CN=security server"), profile, List.of("ss.test"), List.of(), validity);
        return new SigningIdentity(keys.getPrivate(), ca.issue(request));
    }

    private TestSecurityServer start(
            MemberId owner,
            List<SubsystemId> clients,
            SigningIdentity tls,
            SigningIdentity signing,
            MessageLog log,
            ProvidedServices services,
            Duration peerConnectionMaxAge) {
        var settings = SecurityServerSettings.builder(owner)
                .clients(clients)
                .connectTimeout(options.connectTimeout)
                .readTimeout(options.readTimeout)
                .peerConnectionMaxAge(peerConnectionMaxAge)
                .build();
        return TestSecurityServer.start(
                settings,
                new TestSecurityServer.Parts(
                        tls, signing, conf::get, ca.revocationSource(), services, activeRights, log, meters, clock));
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
                new MemberEntry(A, "Agency A", List.of("app", "other", "quiet")),
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

    /**
     * POSTs {@code body} to service person's {@code /persons/7/sink} as {@code client} through a;
     * the backend answers the body's size and SHA-256 ({@link Backend}).
     */
    public HttpResponse<String> call(SubsystemId client, String xRoadId, String body) {
        return send(request(a, "/r1/" + PERSON.encoded() + "/persons/7/sink")
                .header(XRoadHeaders.CLIENT, client.encoded())
                .header(XRoadHeaders.ID, xRoadId)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
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

    /** How a network is made; every option has a default. */
    public static final class Builder {
        private @Nullable CertificateAuthority ca;
        private Clock clock = Clock.systemUTC();
        private @Nullable MessageLogs messageLogs;
        private Duration connectTimeout = Duration.ofSeconds(1);
        private Duration readTimeout = READ_TIMEOUT;
        private Duration peerConnectionMaxAge = Duration.ofMinutes(1);
        private @Nullable Duration aTlsValidity;
        private @Nullable Duration bTlsValidity;

        private Builder() {}

        /** The CA that issues every certificate (default: a new test CA). */
        public Builder ca(CertificateAuthority value) {
            ca = value;
            return this;
        }

        /** The servers' clock, which certificates and the configuration's expiry are checked against. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** The real message logs (PostgreSQL) under a and b (default: in memory only). */
        public Builder messageLogs(MessageLogs value) {
            messageLogs = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        /** How long each server reuses a connection to a peer (default one minute). */
        public Builder peerConnectionMaxAge(Duration value) {
            peerConnectionMaxAge = value;
            return this;
        }

        /** The validity of a's TLS certificate (default: the CA's). */
        public Builder clientTlsValidity(Duration value) {
            aTlsValidity = value;
            return this;
        }

        /** The validity of b's TLS certificate (default: the CA's). */
        public Builder providerTlsValidity(Duration value) {
            bTlsValidity = value;
            return this;
        }

        public TRoadNetwork build() {
            return new TRoadNetwork(this);
        }
    }
}
