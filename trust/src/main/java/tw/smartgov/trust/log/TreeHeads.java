package tw.smartgov.trust.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The signed tree heads in {@code trust.log_tree_head}. */
final class TreeHeads {
    private static final String COLUMNS = "log_name, tree_size, root_hash, signed_at, jws, timestamp_token";
    private final JdbcTemplate jdbc;

    TreeHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SignedTreeHead> latest(String log) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM trust.log_tree_head WHERE log_name = ?"
                                + " ORDER BY tree_size DESC LIMIT 1",
                        TreeHeads::map,
                        log)
                .stream()
                .findFirst();
    }

    Optional<SignedTreeHead> at(String log, long treeSize) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM trust.log_tree_head WHERE log_name = ? AND tree_size = ?",
                        TreeHeads::map,
                        log,
                        treeSize)
                .stream()
                .findFirst();
    }

    /** When the oldest head of {@code log} still waiting for its time-stamp was signed, if any. */
    Optional<Instant> oldestWithoutTimestamp(String log) {
        Timestamp oldest = jdbc.queryForObject(
                "SELECT MIN(signed_at) FROM trust.log_tree_head WHERE log_name = ? AND timestamp_token IS NULL",
                Timestamp.class,
                log);
        return Optional.ofNullable(oldest).map(Timestamp::toInstant);
    }

    List<SignedTreeHead> withoutTimestamp() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM trust.log_tree_head WHERE timestamp_token IS NULL", TreeHeads::map);
    }

    /** Stores the head; another node may have signed the same size first, then its head wins. */
    SignedTreeHead insert(SignedTreeHead head) {
        try {
            jdbc.update(
                    "INSERT INTO trust.log_tree_head (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                    head.log(),
                    head.treeSize(),
                    head.rootHash(),
                    Timestamp.from(head.signedAt()),
                    head.jws(),
                    head.timestampToken());
            return head;
        } catch (DuplicateKeyException e) {
            return at(head.log(), head.treeSize()).orElseThrow();
        }
    }

    void addTimestamp(SignedTreeHead head, byte[] token) {
        jdbc.update(
                "UPDATE trust.log_tree_head SET timestamp_token = ? WHERE log_name = ? AND tree_size = ?"
                        + " AND timestamp_token IS NULL",
                token,
                head.log(),
                head.treeSize());
    }

    private static SignedTreeHead map(ResultSet row, int n) throws SQLException {
        return new SignedTreeHead(
                row.getString("log_name"),
                row.getLong("tree_size"),
                row.getBytes("root_hash"),
                row.getTimestamp("signed_at").toInstant(),
                row.getString("jws"),
                row.getBytes("timestamp_token"));
    }
}
