package tw.smartgov.troad.messagelog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.log.TransparencyLogs;
import tw.smartgov.trust.log.TreeHeadPublisher;

/**
 * Creates the {@link TransparencyMessageLog} of each security server run by this node, with the
 * settings of {@link MessageLogProperties}, and registers for each the gauge {@code
 * smartgov.troad.message_log.untimestamped_seconds} (tag {@code log}): how long its oldest tree
 * head has waited for a time-stamp. Thread-safe.
 */
@Component
public class MessageLogs {
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final TransparencyLogs logs;
    private final TreeHeadPublisher publisher;
    private final MessageIndex index;
    private final SignerCertificateStore signers;
    private final MessageLogProperties properties;
    private final @Nullable MeterRegistry meters;
    private final Map<String, TransparencyMessageLog> created = new ConcurrentHashMap<>();
    private final List<TransparencyMessageLog> watched = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<List<X509CRL>>> evidenceCrls = new ConcurrentHashMap<>();

    MessageLogs(
            TransparencyLogs logs,
            TreeHeadPublisher publisher,
            JdbcTemplate jdbc,
            MessageLogProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.logs = logs;
        this.publisher = publisher;
        this.index = new MessageIndex(jdbc);
        this.signers = new SignerCertificateStore(jdbc, Clock.systemUTC());
        this.properties = properties;
        this.meters = meters.getIfAvailable();
    }

    /** The message log of security server {@code serverCode} of {@code owner}; one per server. */
    public TransparencyMessageLog forServer(MemberId owner, String serverCode) {
        return created.computeIfAbsent(LogNames.forServer(owner, serverCode), this::create);
    }

    /**
     * Makes the evidence of a server's log verifiable with the PKI that issued the server's message
     * signatures (for a security server: the central CA) rather than with this node's own: its tree
     * heads are signed with {@code signing} while that gives an identity, and its evidence carries
     * the CRLs {@code crls} gives.
     */
    public void signWith(
            MemberId owner,
            String serverCode,
            Supplier<Optional<SigningIdentity>> signing,
            Supplier<List<X509CRL>> crls) {
        String name = LogNames.forServer(owner, serverCode);
        publisher.signHeadsOf(name, signing);
        evidenceCrls.put(name, crls);
    }

    /** The CRLs, besides this node's CA's, that the evidence of {@code log} carries. */
    List<X509CRL> evidenceCrls(String log) {
        var crls = evidenceCrls.get(log);
        return crls == null ? List.of() : crls.get();
    }

    /**
     * A log with its own grace period, refresh and entry limit, also watched by the health
     * indicator: for tests of TSA outages and oversized entries.
     */
    TransparencyMessageLog create(String name, Duration grace, Duration refresh, int maxEntryBytes) {
        return create(name, grace, refresh, maxEntryBytes, Clock.systemUTC());
    }

    /** As {@link #create(String, Duration, Duration, int)}, the grace measured on {@code graceClock}. */
    TransparencyMessageLog create(String name, Duration grace, Duration refresh, int maxEntryBytes, Clock graceClock) {
        if (properties.journal()) {
            logs.journalLocally(name);
        }
        var guard = new TimestampGuard(name, publisher::oldestUntimestamped, grace, refresh, graceClock);
        var log = new TransparencyMessageLog(
                logs, new EntryEncoder(metadataOnly(), maxEntryBytes), guard, signers, Clock.systemUTC());
        watched.add(log);
        return log;
    }

    /** Every log created so far, for the health indicator. */
    List<TransparencyMessageLog> created() {
        return List.copyOf(watched);
    }

    /** Returns once the database holds every record of {@code log} acknowledged so far. */
    void awaitStored(String log) {
        logs.awaitStored(log);
    }

    MessageIndex index() {
        return index;
    }

    /** The message signers' chains, which evidence and archives carry. */
    SignerCertificateStore signers() {
        return signers;
    }

    private TransparencyMessageLog create(String name) {
        TransparencyMessageLog log =
                create(name, properties.timestampGrace(), REFRESH, TransparencyLogs.MAX_ENTRY_BYTES);
        if (meters != null) {
            Gauge.builder(
                            "smartgov.troad.message_log.untimestamped_seconds",
                            log.guard(),
                            g -> g.waiting().toSeconds())
                    .tag("log", name)
                    .description("how long the oldest tree head of the message log has waited for its time-stamp")
                    .register(meters);
        }
        return log;
    }

    private Set<SubsystemId> metadataOnly() {
        return properties.metadataOnly().stream().map(SubsystemId::parse).collect(Collectors.toSet());
    }
}
