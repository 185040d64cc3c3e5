package tw.smartgov.trust.log.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.merkle.SubtreeKey;

/** Reads of a log's entries and stored subtree hashes, on a connection the caller manages. */
public final class LogReads {

    private LogReads() {}

    public static byte @Nullable [] entry(Connection c, String log, long index) throws SQLException {
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
    public static boolean hasLeavesFrom(Connection c, String log, long size) throws SQLException {
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
    public static Map<SubtreeKey, byte[]> fetch(Connection c, String log, Collection<SubtreeKey> keys)
            throws SQLException {
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
}
