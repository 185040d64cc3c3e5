package tw.smartgov.troad.messagelog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
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
    private final MessageLogProperties properties;
    private final @Nullable MeterRegistry meters;
    private final Map<String, TransparencyMessageLog> created = new ConcurrentHashMap<>();
    private final List<TransparencyMessageLog> watched = new CopyOnWriteArrayList<>();

    MessageLogs(
            TransparencyLogs logs,
            TreeHeadPublisher publisher,
            JdbcTemplate jdbc,
            MessageLogProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.logs = logs;
        this.publisher = publisher;
        this.index = new MessageIndex(jdbc);
        this.properties = properties;
        this.meters = meters.getIfAvailable();
    }

    /** The message log of security server {@code serverCode} of {@code owner}; one per server. */
    public TransparencyMessageLog forServer(MemberId owner, String serverCode) {
        return created.computeIfAbsent(LogNames.forServer(owner, serverCode), this::create);
    }

    /**
     * A log with its own grace period, refresh and entry limit, also watched by the health
     * indicator: for tests of TSA outages and oversized entries.
     */
    TransparencyMessageLog create(String name, Duration grace, Duration refresh, int maxEntryBytes) {
        var guard = new TimestampGuard(name, publisher::oldestUntimestamped, grace, refresh, Clock.systemUTC());
        var log = new TransparencyMessageLog(
                logs, new EntryEncoder(metadataOnly(), maxEntryBytes), guard, Clock.systemUTC());
        watched.add(log);
        return log;
    }

    /** Every log created so far, for the health indicator. */
    List<TransparencyMessageLog> created() {
        return List.copyOf(watched);
    }

    MessageIndex index() {
        return index;
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
