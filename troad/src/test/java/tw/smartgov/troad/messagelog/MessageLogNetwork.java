package tw.smartgov.troad.messagelog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfiguration.MemberEntry;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.TestSecurityServer;
import tw.smartgov.troad.securityserver.config.AccessGrant;
import tw.smartgov.troad.securityserver.config.InMemoryAccessRights;
import tw.smartgov.troad.securityserver.config.ProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsSigner;

/**
 * Real loopback T-Road with message logs in transparency logs: member A (subsystems app and quiet,
 * the latter metadata-only) behind server a, member B (subsystem registry, service person) behind
 * server b; every certificate is issued by the node's own CA, so its root alone verifies evidence.
 * The backend answers {@code hello <path> <body size>}. Server a's log can be swapped ({@link
 * #clientLog}). One shared instance per test JVM.
 */
final class MessageLogNetwork {
    static final MemberId A = new MemberId("TW", "GOV", "MA");
    static final MemberId B = new MemberId("TW", "GOV", "MB");
    static final SubsystemId APP = A.subsystem("app");
    static final SubsystemId QUIET = A.subsystem("quiet");
    static final SubsystemId REGISTRY = B.subsystem("registry");
    static final ServiceId PERSON = REGISTRY.service("person");

    private static MessageLogNetwork shared;

    final TransparencyMessageLog aLog;
    final TransparencyMessageLog bLog;
    final AtomicReference<MessageLog> clientLog = new AtomicReference<>();
    final TestSecurityServer a;
    final TestSecurityServer b;
    private final HttpServer backend;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static synchronized MessageLogNetwork shared(CertificateAuthority ca, MessageLogs logs) {
        if (shared == null) {
            shared = new MessageLogNetwork(ca, logs);
        }
        return shared;
    }

    private MessageLogNetwork(CertificateAuthority ca, MessageLogs logs) {
        backend = backend();
        aLog = logs.forServer(A, "ss1");
        bLog = logs.forServer(B, "ss1");
        clientLog.set(aLog);
        SigningIdentity aTls = TestPki.identity(ca, CertificateProfile.TLS_PEER);
        SigningIdentity aSign = TestPki.identity(ca, CertificateProfile.SIGNING);
        SigningIdentity bTls = TestPki.identity(ca, CertificateProfile.TLS_PEER);
        SigningIdentity bSign = TestPki.identity(ca, CertificateProfile.SIGNING);
        var conf = new AtomicReference<GlobalConfiguration>();
        var rights = new InMemoryAccessRights();
        rights.grant(AccessGrant.whole(APP, PERSON));
        rights.grant(AccessGrant.whole(QUIET, PERSON));
        var backendUri = URI.create("http://127.0.0.1:" + backend.getAddress().getPort() + "/api");
        MessageLog aSide = record -> clientLog.get().record(record);
        conf.set(configuration(ca, List.of())); // the servers read it when built: no peers yet
        a = start(A, List.of(APP, QUIET), aTls, aSign, conf, ca, rights, aSide, Map.of());
        b = start(B, List.of(REGISTRY), bTls, bSign, conf, ca, rights, bLog, Map.of(PERSON, backendUri));
        conf.set(configuration(
                ca,
                List.of(entry(A, a, aTls, aSign, List.of(APP, QUIET)), entry(B, b, bTls, bSign, List.of(REGISTRY)))));
    }

    private static GlobalConfiguration configuration(CertificateAuthority ca, List<SecurityServerEntry> servers) {
        return new GlobalConfiguration(
                "TW",
                1,
                Instant.now(),
                Instant.now().plus(Duration.ofDays(1)),
                List.of(
                        new MemberEntry(A, "Agency A", List.of("app", "quiet")),
                        new MemberEntry(B, "Agency B", List.of("registry"))),
                servers,
                List.of(Pem.encode(List.of(ca.root()))),
                List.of());
    }

    /** Calls service person as {@code client} through server a; returns the response. */
    HttpResponse<String> call(SubsystemId client, String xRoadId, String body) {
        var request = HttpRequest.newBuilder(URI.create(a.clientUri() + "/r1/" + PERSON.encoded() + "/persons/7"))
                .timeout(Duration.ofSeconds(30))
                .header(XRoadHeaders.CLIENT, client.encoded())
                .header(XRoadHeaders.ID, xRoadId)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A message log that fails every record, like one whose database is gone. */
    static MessageLog failing() {
        return record -> CompletableFuture.failedFuture(new IllegalStateException("no database"));
    }

    private static TestSecurityServer start(
            MemberId owner,
            List<SubsystemId> clients,
            SigningIdentity tls,
            SigningIdentity signing,
            AtomicReference<GlobalConfiguration> conf,
            CertificateAuthority ca,
            InMemoryAccessRights rights,
            MessageLog log,
            Map<ServiceId, URI> services) {
        var settings = SecurityServerSettings.builder(owner)
                .clients(clients)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .build();
        return TestSecurityServer.start(
                settings,
                new TestSecurityServer.Parts(
                        tls,
                        signing,
                        conf::get,
                        ca.revocationSource(),
                        ProvidedServices.of(services),
                        rights,
                        log,
                        new SimpleMeterRegistry(),
                        Clock.systemUTC()));
    }

    private static SecurityServerEntry entry(
            MemberId owner,
            TestSecurityServer server,
            SigningIdentity tls,
            SigningIdentity signing,
            List<SubsystemId> c) {
        return new SecurityServerEntry(
                "ss1",
                owner,
                server.providerAddress().toString(),
                CertificateFingerprint.sha256(tls.certificate()),
                CertificateFingerprint.sha256(signing.certificate()),
                Pem.encode(new JwsSigner(signing).chain()),
                c);
    }

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", MessageLogNetwork::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            int size = exchange.getRequestBody().readAllBytes().length;
            byte[] out = ("hello " + exchange.getRequestURI().getPath() + " " + size).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
        }
    }
}
