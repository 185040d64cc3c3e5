package tw.smartgov.troad.messagelog;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.log.TransparencyLogs;

/**
 * The message log of one security server, kept in a transparency log of the trust module: each
 * {@link MessageRecord} becomes one entry (see {@link MessageEvidence} for its form), and the
 * returned future completes only after the durable group commit that writes both the entry and
 * its X-Road-Id index row. The log's signed tree heads, RFC 3161 time-stamped in batches, time-stamp every record
 * through its Merkle audit path.
 *
 * <p>The future fails, and the security server answers {@code
 * Server.ServerProxy.MessageLogUnavailable} instead of the response, when the database fails or
 * when the log's tree heads have waited for a time-stamp longer than the configured grace (a TSA
 * outage). Bodies and keys are never written to the application log. Create with {@link
 * MessageLogs#forServer}. Thread-safe.
 */
public final class TransparencyMessageLog implements MessageLog {
    private static final Logger log = LoggerFactory.getLogger(TransparencyMessageLog.class);

    private final TransparencyLogs logs;
    private final EntryEncoder encoder;
    private final TimestampGuard guard;
    private final SignerCertificateStore signers;
    private final Clock clock;

    TransparencyMessageLog(
            TransparencyLogs logs,
            EntryEncoder encoder,
            TimestampGuard guard,
            SignerCertificateStore signers,
            Clock clock) {
        this.logs = logs;
        this.encoder = encoder;
        this.guard = guard;
        this.signers = signers;
        this.clock = clock;
    }

    @Override
    public void rememberSigners(Collection<List<X509Certificate>> chains) {
        signers.remember(chains);
    }

    /** The name of the transparency log holding the records, e.g. {@code msglog-tw-gov-moi-ss1}. */
    public String logName() {
        return guard.logName();
    }

    @Override
    public CompletableFuture<Void> record(MessageRecord record) {
        String name = logName();
        try {
            guard.check();
            return logs.append(
                            name,
                            encoder.encode(record),
                            new MessageIndex.Row(name, record, clock.instant()),
                            MessageIndex.ROWS)
                    .<Void>thenApply(leaf -> null)
                    .whenComplete((done, e) -> {
                        if (e != null) {
                            log.warn("message log {}: record {} failed: {}", name, record.requestId(), e.toString());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("message log {}: record {} refused: {}", name, record.requestId(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    TimestampGuard guard() {
        return guard;
    }
}
