package tw.smartgov.troad.messagelog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.log.SignedTreeHead;

/**
 * Writes message-log records older than {@code smartgov.troad.message-log.archive-after} to
 * hash-linked {@link MessageArchive} files in {@code archive-dir}, every {@code archive-interval},
 * at most {@value #MAX_RECORDS} records per file. The transparency log is append-only: archiving
 * copies records out but deletes nothing from the log. A record is archived only under a
 * time-stamped tree head, so during a TSA outage archiving waits.
 */
@Component
class MessageArchiver {
    static final int MAX_RECORDS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(MessageArchiver.class);

    private final MessageLogProperties properties;
    private final MessageLogs logs;
    private final MessageIndex index;
    private final ArchiveFiles files;
    private final EvidenceExporter exporter;
    private final TaskScheduler scheduler;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    MessageArchiver(
            MessageLogProperties properties,
            MessageLogs logs,
            JdbcTemplate jdbc,
            EvidenceExporter exporter,
            TaskScheduler scheduler) {
        this.properties = properties;
        this.logs = logs;
        this.index = logs.index();
        this.files = new ArchiveFiles(jdbc);
        this.exporter = exporter;
        this.scheduler = scheduler;
    }

    @EventListener(ContextRefreshedEvent.class)
    void schedule() {
        if (properties.archiveDir() != null && scheduled.compareAndSet(false, true)) {
            scheduler.scheduleWithFixedDelay(this::archiveAll, properties.archiveInterval());
        }
    }

    /** Archives every log up to the retention cutoff; never throws. */
    void archiveAll() {
        Instant cutoff = clock.instant().minus(properties.archiveAfter());
        for (String name : index.logs()) {
            try {
                while (archive(name, cutoff).isPresent()) {
                    // one file per turn, until the log is archived up to the cutoff
                }
            } catch (RuntimeException e) {
                log.error("message log {}: archiving failed: {}", name, e.getMessage());
            }
        }
    }

    /** Writes the next archive file of {@code name} with records logged before {@code cutoff}. */
    Optional<Path> archive(String name, Instant cutoff) {
        logs.awaitStored(name); // records acknowledged from the journal before the cutoff are archived too
        Path dir = properties.archiveDir();
        var last = files.last(name);
        long first = last.map(ArchiveFiles.Last::endLeaf).orElse(0L);
        long end = Math.min(index.endBefore(name, cutoff).orElse(0L), first + MAX_RECORDS);
        if (dir == null || end <= first) {
            return Optional.empty();
        }
        SignedTreeHead head = exporter.stampedHeadCovering(name, end - 1);
        var records =
                exporter.inclusions(name, LongStream.range(first, end).boxed().toList(), head);
        var header = MessageArchive.header(
                name,
                first,
                end,
                last.map(ArchiveFiles.Last::sha256).orElse(null),
                clock.instant(),
                exporter.signerCertificates(records));
        String sha256 = new MessageArchive(header, records).write(dir);
        String fileName = MessageArchive.fileName(name, first);
        files.insert(name, first, end, fileName, sha256, clock.instant());
        log.info("message log {}: archived records {} to {} in {}", name, first, end - 1, fileName);
        return Optional.of(dir.resolve(fileName));
    }
}
