package tw.smartgov.troad.messagelog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the message log, under {@code smartgov.troad.message-log}.
 *
 * @param timestampGrace how long records are accepted while the log's oldest signed tree head
 *     still waits for its RFC 3161 time-stamp (a TSA outage); beyond it new records are refused, so
 *     exchange stops rather than running un-time-stamped
 * @param metadataOnly subsystem ids (e.g. {@code TW/GOV/MOI/household}) whose exchanges are
 *     logged without bodies, as client or as provider; digests and signatures are always kept
 * @param archiveAfter records older than this are written to archive files (see {@code archiveDir})
 * @param archiveDir folder for the hash-linked archive files; unset means no archiving
 * @param archiveInterval how often the archiver looks for records to archive
 * @param journal whether a record counts as durable once it is flushed to a journal on this
 *     node's disk (in the trust data folder), a few milliseconds before the database holds it; the
 *     security server's journal then owns its log in the database, and after a crash the next
 *     start stores what the journal kept. Off: each record waits for its database commit (a start
 *     with the journal switched off first stores what the journal held and takes the log back)
 */
@ConfigurationProperties("smartgov.troad.message-log")
public record MessageLogProperties(
        @DefaultValue("1h") Duration timestampGrace,
        @DefaultValue List<String> metadataOnly,
        @DefaultValue("30d") Duration archiveAfter,
        @Nullable Path archiveDir,
        @DefaultValue("1h") Duration archiveInterval,
        @DefaultValue("true") boolean journal) {

    public MessageLogProperties {
        metadataOnly = List.copyOf(metadataOnly);
        if (timestampGrace.isNegative() || archiveAfter.isNegative() || !archiveInterval.isPositive()) {
            throw new IllegalArgumentException("smartgov.troad.message-log: durations must not be negative");
        }
    }
}
