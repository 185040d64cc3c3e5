package tw.smartgov.trust.log.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.merkle.Frontier;

/** A whole group commit in one PostgreSQL statement: one round trip. */
public final class PostgresAppend {

    private PostgresAppend() {}

    /**
     * PostgreSQL only: moves the state of {@code log} from size {@code expectedSize} to {@code
     * frontier} and inserts the batch's leaves, subtree nodes and attached rows, all in one
     * statement on a connection in auto-commit mode, so that the whole group commit is one round
     * trip. Returns false, having written nothing, when the log is no longer at that size.
     */
    public static boolean appendInOneStatement(
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
        var attached = new ArrayList<>(LogRows.byKind(rows).entrySet());
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
}
