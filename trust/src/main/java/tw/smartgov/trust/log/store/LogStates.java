package tw.smartgov.trust.log.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.merkle.Frontier;

/**
 * The state row of each log ({@code trust.log_state}: its size, frontier and journal owner), on a
 * connection whose transaction the caller manages.
 */
public final class LogStates {

    private LogStates() {}

    public static Optional<Frontier> readState(Connection c, String log, boolean forUpdate) throws SQLException {
        String sql = "SELECT frontier FROM trust.log_state WHERE name = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, log);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(frontier(log, rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    private static Frontier frontier(String log, byte[] bytes) {
        try {
            return Frontier.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw new TrustException(TrustError.LOG_INCONSISTENT, "the stored state of log " + log + " is corrupt", e);
        }
    }

    public static void createIfAbsent(Connection c, String log, Instant now) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO trust.log_state (name, tree_size, frontier, updated_at)"
                        + " VALUES (?, 0, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, log);
            s.setBytes(2, Frontier.empty().toBytes());
            s.setTimestamp(3, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    /**
     * Moves the state of {@code log} from size {@code expectedSize} to {@code frontier}, taking its
     * row lock; false, changing nothing, when the log is no longer at that size.
     */
    public static boolean updateStateIfSize(
            Connection c, String log, Frontier frontier, long expectedSize, @Nullable String owner, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE trust.log_state SET tree_size = ?, frontier = ?,"
                + " updated_at = ? WHERE name = ? AND tree_size = ? AND " + OWNED_BY)) {
            s.setLong(1, frontier.size());
            s.setBytes(2, frontier.toBytes());
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, log);
            s.setLong(5, expectedSize);
            s.setString(6, owner);
            s.setString(7, owner);
            return s.executeUpdate() == 1;
        }
    }

    // The state row's journal owner is the given one, or both are null: a log claimed by a
    // journaling writer moves only through that writer.
    private static final String OWNED_BY =
            "(journal_owner = ? OR (journal_owner IS NULL AND CAST(? AS VARCHAR) IS NULL))";

    /** The writer whose journal {@code log} is claimed by, if any. */
    public static @Nullable String journalOwner(Connection c, String log) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT journal_owner FROM trust.log_state WHERE name = ?")) {
            s.setString(1, log);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Claims {@code log} (whose state row the caller holds locked) for the journal {@code owner};
     * false when another journal holds it.
     */
    public static boolean claim(Connection c, String log, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE trust.log_state SET journal_owner = ?"
                + " WHERE name = ? AND (journal_owner IS NULL OR journal_owner = ?)")) {
            s.setString(1, owner);
            s.setString(2, log);
            s.setString(3, owner);
            return s.executeUpdate() == 1;
        }
    }

    /** Gives {@code log} back to writers without a journal, if {@code owner} holds it. */
    public static void release(Connection c, String log, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE trust.log_state SET journal_owner = NULL WHERE name = ? AND journal_owner = ?")) {
            s.setString(1, log);
            s.setString(2, owner);
            s.executeUpdate();
        }
    }

    public static List<String> names(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT name FROM trust.log_state ORDER BY name");
                var rows = statement.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    /** The failure of a writer that finds {@code log} claimed by the journal {@code owner} of another process. */
    public static TrustException journaledElsewhere(String log, String owner) {
        return new TrustException(
                TrustError.LOG_JOURNALED_ELSEWHERE,
                "log " + log + " is written through the local journal " + owner + " of another process;"
                        + " to append from here, move that data folder here or start that process once with its journal"
                        + " switched off");
    }
}
