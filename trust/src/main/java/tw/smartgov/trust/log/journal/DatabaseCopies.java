package tw.smartgov.trust.log.journal;

import java.sql.Connection;
import java.sql.SQLException;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.log.store.LogRows;
import tw.smartgov.trust.log.store.LogStates;
import tw.smartgov.trust.log.store.PostgresAppend;

/** The statements that copy a journaled batch into the database, for the journal {@code owner}. */
final class DatabaseCopies {

    private DatabaseCopies() {}

    /** PostgreSQL only: the whole copy in one statement, in auto-commit. */
    static void storeInOneStatement(Connection c, String log, JournaledBatch batch, String owner) throws SQLException {
        if (!PostgresAppend.appendInOneStatement(
                c,
                log,
                batch.first(),
                batch.after(),
                batch.hashes(),
                batch.data(),
                batch.nodes(),
                batch.rows(),
                owner,
                batch.appendedAt())) {
            throw moved(c, log, owner);
        }
    }

    /** The copy statement by statement, in the caller's transaction. */
    static void storeInTransaction(Connection c, String log, JournaledBatch batch, String owner) throws SQLException {
        if (!LogStates.updateStateIfSize(c, log, batch.after(), batch.first(), owner, batch.appendedAt())) {
            throw moved(c, log, owner);
        }
        LogRows.insertBatch(
                c, log, batch.first(), batch.hashes(), batch.data(), batch.nodes(), batch.rows(), batch.appendedAt());
    }

    // The log's state is no longer where this writer left it: someone took the log from its
    // journal, or the database lost copies it had acknowledged (a crash after asynchronous commits).
    private static TrustException moved(Connection c, String log, String owner) throws SQLException {
        String claimedBy = LogStates.journalOwner(c, log);
        if (owner.equals(claimedBy)) {
            return new TrustException(
                    TrustError.LOG_INCONSISTENT,
                    "log " + log + ": the database no longer has the state this journal stored (did it crash and"
                            + " lose its latest commits?); restart this node to store them again from the journal");
        }
        return LogStates.journaledElsewhere(log, claimedBy == null ? "(none)" : claimedBy);
    }
}
