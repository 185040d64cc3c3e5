package tw.smartgov.trust.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.SubtreeKey;

/** The SQL of the transparency logs, on a connection whose transaction the caller manages. */
final class LogStore {

    private LogStore() {}

    /** A perfect subtree an append completed, waiting to be inserted. */
    record Node(SubtreeKey key, byte[] hash) {}

    static Optional<Frontier> readState(Connection c, String log, boolean forUpdate) throws SQLException {
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

    static void createIfAbsent(Connection c, String log, Instant now) throws SQLException {
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
    static boolean updateStateIfSize(
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
    static @Nullable String journalOwner(Connection c, String log) throws SQLException {
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
    static boolean claim(Connection c, String log, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE trust.log_state SET journal_owner = ?"
                + " WHERE name = ? AND (journal_owner IS NULL OR journal_owner = ?)")) {
            s.setString(1, owner);
            s.setString(2, log);
            s.setString(3, owner);
            return s.executeUpdate() == 1;
        }
    }

    /** Gives {@code log} back to writers without a journal, if {@code owner} holds it. */
    static void release(Connection c, String log, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE trust.log_state SET journal_owner = NULL WHERE name = ? AND journal_owner = ?")) {
            s.setString(1, log);
            s.setString(2, owner);
            s.executeUpdate();
        }
    }

    /** The rows of a batch grouped by table and columns, in the order each kind first appears. */
    static Map<RowValues.Kind, List<@Nullable Object[]>> byKind(List<RowValues> rows) {
        Map<RowValues.Kind, List<@Nullable Object[]>> kinds = new LinkedHashMap<>();
        for (RowValues row : rows) {
            kinds.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(row.values());
        }
        return kinds;
    }

    static void insertRows(Connection c, List<RowValues> rows) throws SQLException {
        for (var kind : byKind(rows).entrySet()) {
            kind.getKey().insert(c, kind.getValue());
        }
    }

    /**
     * PostgreSQL only: moves the state of {@code log} from size {@code expectedSize} to {@code
     * frontier} and inserts the batch's leaves, subtree nodes and attached rows, all in one
     * statement on a connection in auto-commit mode, so that the whole group commit is one round
     * trip. Returns false, having written nothing, when the log is no longer at that size.
     */
    static boolean appendInOneStatement(
            Connection c,
            String log,
            long expectedSize,
            Frontier frontier,
            List<byte[]> hashes,
            List<byte[]> data,
            List<Node> nodes,
            List<RowValues> rows,
            @Nullable String owner,
            Instant now)
            throws SQLException {
        var attached = new ArrayList<>(byKind(rows).entrySet());
        StringBuilder sql = new StringBuilder("""
                WITH state AS (UPDATE trust.log_state SET tree_size = ?, frontier = ?, updated_at = ?                 WHERE name = ? AND tree_size = ? AND (journal_owner = ? OR (journal_owner IS NULL AND ?::text IS NULL))                 RETURNING name),
                leaves AS (INSERT INTO trust.log_leaf (log_name, idx, leaf_hash, data, appended_at)                 SELECT state.name, u.idx, u.hash, u.data, ?                 FROM state, unnest(?::int8[], ?::bytea[], ?::bytea[]) AS u (idx, hash, data)),
                nodes AS (INSERT INTO trust.log_node (log_name, level, idx, hash)                 SELECT state.name, u.level, u.idx, u.hash                 FROM state, unnest(?::int2[], ?::int8[], ?::bytea[]) AS u (level, idx, hash))""");
        for (int i = 0; i < attached.size(); i++) {
            sql.append(",\nrows")
                    .append(i)
                    .append(" AS (")
                    .append(attached.get(i).getKey().unnestedInsert("state"))
                    .append(')');
        }
        sql.append("\nSELECT count(*) FROM state");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            s.setLong(p++, frontier.size());
            s.setBytes(p++, frontier.toBytes());
            s.setTimestamp(p++, Timestamp.from(now));
            s.setString(p++, log);
            s.setLong(p++, expectedSize);
            s.setString(p++, owner);
            s.setString(p++, owner);
            s.setTimestamp(p++, Timestamp.from(now));
            Long[] indices = new Long[hashes.size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = expectedSize + i;
            }
            s.setArray(p++, c.createArrayOf("int8", indices));
            s.setArray(p++, c.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
            s.setArray(p++, c.createArrayOf("bytea", data.toArray(byte[][]::new)));
            s.setArray(
                    p++,
                    c.createArrayOf(
                            "int2",
                            nodes.stream().map(n -> (short) n.key().level()).toArray(Short[]::new)));
            s.setArray(
                    p++,
                    c.createArrayOf(
                            "int8", nodes.stream().map(n -> n.key().index()).toArray(Long[]::new)));
            s.setArray(
                    p++, c.createArrayOf("bytea", nodes.stream().map(Node::hash).toArray(byte[][]::new)));
            for (var kind : attached) {
                p = kind.getKey().bindArrays(c, s, p, kind.getValue());
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    /**
     * Inserts a batch's leaves from index {@code first}, the subtrees they completed and their
     * attached rows, statement by statement in the caller's transaction (where the one-statement
     * append is not available).
     */
    static void insertBatch(
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

    static void insertLeaves(Connection c, String log, long first, List<byte[]> hashes, List<byte[]> data, Instant now)
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

    static void insertNodes(Connection c, String log, List<Node> nodes) throws SQLException {
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

    static byte @Nullable [] entry(Connection c, String log, long index) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT data FROM trust.log_leaf WHERE log_name = ? AND idx = ?")) {
            s.setString(1, log);
            s.setLong(2, index);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Whether any leaf sits at or beyond {@code size}: an append that never reached the state row. */
    static boolean hasLeavesFrom(Connection c, String log, long size) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT 1 FROM trust.log_leaf WHERE log_name = ? AND idx >= ? LIMIT 1")) {
            s.setString(1, log);
            s.setLong(2, size);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The stored hashes of {@code keys} (leaves and interior nodes alike) in one query. */
    static Map<SubtreeKey, byte[]> fetch(Connection c, String log, Collection<SubtreeKey> keys) throws SQLException {
        List<SubtreeKey> leaves = keys.stream().filter(k -> k.level() == 0).toList();
        List<SubtreeKey> nodes = keys.stream().filter(k -> k.level() > 0).toList();
        List<String> parts = new ArrayList<>(2);
        if (!leaves.isEmpty()) {
            parts.add("SELECT 0, idx, leaf_hash FROM trust.log_leaf WHERE log_name = ? AND idx IN "
                    + placeholders(leaves.size(), "?"));
        }
        if (!nodes.isEmpty()) {
            parts.add("SELECT level, idx, hash FROM trust.log_node WHERE log_name = ? AND (level, idx) IN "
                    + placeholders(nodes.size(), "(?, ?)"));
        }
        Map<SubtreeKey, byte[]> found = new HashMap<>();
        if (parts.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement(String.join(" UNION ALL ", parts))) {
            bind(s, log, leaves, nodes);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(new SubtreeKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }
            }
        }
        return found;
    }

    private static void bind(PreparedStatement s, String log, List<SubtreeKey> leaves, List<SubtreeKey> nodes)
            throws SQLException {
        int p = 1;
        if (!leaves.isEmpty()) {
            s.setString(p++, log);
            for (SubtreeKey leaf : leaves) {
                s.setLong(p++, leaf.index());
            }
        }
        if (!nodes.isEmpty()) {
            s.setString(p++, log);
            for (SubtreeKey node : nodes) {
                s.setShort(p++, (short) node.level());
                s.setLong(p++, node.index());
            }
        }
    }

    private static String placeholders(int count, String each) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < count; i++) {
            joiner.add(each);
        }
        return joiner.toString();
    }

    static List<String> names(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT name FROM trust.log_state ORDER BY name");
                var rows = statement.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
