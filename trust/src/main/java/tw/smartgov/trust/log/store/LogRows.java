package tw.smartgov.trust.log.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Inserts a batch's leaves, the subtrees they completed and their attached rows statement by
 * statement, in the caller's transaction (where the one-statement append is not available).
 */
public final class LogRows {

    private LogRows() {}

    /** The rows of a batch grouped by table and columns, in the order each kind first appears. */
    public static Map<RowValues.Kind, List<@Nullable Object[]>> byKind(List<RowValues> rows) {
        Map<RowValues.Kind, List<@Nullable Object[]>> kinds = new LinkedHashMap<>();
        for (RowValues row : rows) {
            kinds.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(row.values());
        }
        return kinds;
    }

    public static void insertRows(Connection c, List<RowValues> rows) throws SQLException {
        for (var kind : byKind(rows).entrySet()) {
            kind.getKey().insert(c, kind.getValue());
        }
    }

    /**
     * Inserts a batch's leaves from index {@code first}, the subtrees they completed and their
     * attached rows, statement by statement in the caller's transaction (where the one-statement
     * append is not available).
     */
    public static void insertBatch(
            Connection c,
            String log,
            long first,
            List<byte[]> hashes,
            List<byte[]> data,
            List<Node> nodes,
            List<RowValues> rows,
            Instant at)
            throws SQLException {
        insertLeaves(c, log, first, hashes, data, at);
        insertNodes(c, log, nodes);
        insertRows(c, rows);
    }

    public static void insertLeaves(
            Connection c, String log, long first, List<byte[]> hashes, List<byte[]> data, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO trust.log_leaf"
                + " (log_name, idx, leaf_hash, data, appended_at) VALUES (?, ?, ?, ?, ?)")) {
            Timestamp at = Timestamp.from(now);
            for (int i = 0; i < hashes.size(); i++) {
                s.setString(1, log);
                s.setLong(2, first + i);
                s.setBytes(3, hashes.get(i));
                s.setBytes(4, data.get(i));
                s.setTimestamp(5, at);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public static void insertNodes(Connection c, String log, List<Node> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO trust.log_node (log_name, level, idx, hash) VALUES (?, ?, ?, ?)")) {
            for (Node node : nodes) {
                s.setString(1, log);
                s.setShort(2, (short) node.key().level());
                s.setLong(3, node.key().index());
                s.setBytes(4, node.hash());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
