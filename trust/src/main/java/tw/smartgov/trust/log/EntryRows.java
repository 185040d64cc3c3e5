package tw.smartgov.trust.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows that another module keeps about log entries (an index by message id, say), written in the
 * very transaction that commits the entries: an entry is never durable without its rows, nor rows
 * without their entry, and both cost one commit. See {@link TransparencyLogs#append(String, byte[],
 * Object, EntryRows)}.
 *
 * @param <T> what the caller attaches to each entry to make its rows from
 */
@FunctionalInterface
public interface EntryRows<T> {
    /**
     * Writes the rows of the entries of one batch, inside its transaction: batch the statements.
     * Throwing rolls the whole batch back, and every append of it fails.
     */
    void insert(Connection c, List<Appended<T>> entries) throws SQLException;

    /** An entry of the batch being committed: its leaf index and what was attached to it. */
    record Appended<T>(long leafIndex, T attachment) {}
}
