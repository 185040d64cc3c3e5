package tw.smartgov.trust.log.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.log.store.LogConsistency;
import tw.smartgov.trust.log.store.LogReads;
import tw.smartgov.trust.log.store.LogStates;
import tw.smartgov.trust.merkle.Frontier;

/**
 * A journaled log's start: claims the log for the journal, checks the stored log, and stores in one
 * transaction whatever the journal acknowledged beyond the database's size, before any new append.
 */
final class Recovery {
    private static final Logger log = LoggerFactory.getLogger(JournaledLogWriter.class);

    private Recovery() {}

    /**
     * Claims {@code name} for {@code journal}, stores what the journal has beyond the database and
     * starts the journal afresh at the size that makes; returns the log's frontier at that size.
     */
    static Frontier recover(String name, Path directory, DataSource dataSource, LogJournal journal)
            throws IOException, SQLException {
        Frontier state;
        int recovered;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                state = claim(c, name, journal.owner());
                List<JournalRecord> missing = missingFrom(journal.readAll(), state.size(), name, directory);
                recovered = missing.size();
                if (!missing.isEmpty()) {
                    DatabaseCopies.storeInTransaction(c, name, JournaledBatch.extend(state, missing), journal.owner());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        journal.startAt(state.size());
        if (recovered > 0) {
            log.info("log {}: stored {} entries its journal acknowledged before the last stop", name, recovered);
        }
        return state;
    }

    /** Locks the log's state row, claims the log for {@code owner} and checks the stored log. */
    private static Frontier claim(Connection c, String name, String owner) throws SQLException {
        LogStates.createIfAbsent(c, name, Instant.now());
        Frontier state = LogStates.readState(c, name, true)
                .orElseThrow(() -> new TrustException(TrustError.LOG_INCONSISTENT, "log " + name + " vanished"));
        if (!LogStates.claim(c, name, owner)) {
            String claimedBy = LogStates.journalOwner(c, name);
            throw LogStates.journaledElsewhere(name, claimedBy == null ? "?" : claimedBy);
        }
        LogConsistency.check(name, state, LogReads.fetch(c, name, state.keys()));
        return state;
    }

    /** The journal's records from {@code size} on, which must follow each other without a gap. */
    private static List<JournalRecord> missingFrom(
            List<JournalRecord> records, long size, String name, Path directory) {
        List<JournalRecord> missing =
                records.stream().filter(r -> r.index() >= size).toList();
        for (int i = 0; i < missing.size(); i++) {
            if (missing.get(i).index() != size + i) {
                throw new TrustException(
                        TrustError.LOG_INCONSISTENT,
                        "the journal of log " + name + " in " + directory + " lacks entry " + (size + i)
                                + " while holding later ones; the database has " + size);
            }
        }
        return missing;
    }
}
