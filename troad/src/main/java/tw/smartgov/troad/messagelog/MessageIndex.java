package tw.smartgov.troad.messagelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.troad.securityserver.MessageRecord;
import tw.smartgov.trust.log.EntryRows;

/** Table {@code troad.ss_message_record} (migration V30): X-Road-Id to leaf indices. Thread-safe. */
final class MessageIndex {
    private final JdbcTemplate jdbc;

    MessageIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What is indexed about a record, written with the record's log entry (one transaction). */
    record Row(String log, MessageRecord record, Instant loggedAt) {}

    /** Writes the rows of one batch of log entries, inside the transaction that commits them. */
    static final EntryRows<Row> ROWS = MessageIndex::insert;

    private static void insert(Connection c, List<EntryRows.Appended<Row>> entries) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO troad.ss_message_record (log_name, leaf_index, x_road_id, request_id, side, logged_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (var entry : entries) {
                Row row = entry.attachment();
                s.setString(1, row.log());
                s.setLong(2, entry.leafIndex());
                s.setString(3, row.record().xRoadId());
                s.setString(4, row.record().requestId());
                s.setString(5, row.record().side().name());
                s.setTimestamp(6, Timestamp.from(row.loggedAt()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The leaves of {@code log} holding records of {@code xRoadId}, in log order. */
    List<Long> leaves(String log, String xRoadId) {
        return jdbc.queryForList(
                "SELECT leaf_index FROM troad.ss_message_record WHERE log_name = ? AND x_road_id = ?"
                        + " ORDER BY leaf_index",
                Long.class,
                log,
                xRoadId);
    }

    /** One past the last leaf of {@code log} logged before {@code cutoff}, if any was. */
    Optional<Long> endBefore(String log, Instant cutoff) {
        Long last = jdbc.queryForObject(
                "SELECT MAX(leaf_index) FROM troad.ss_message_record WHERE log_name = ? AND logged_at < ?",
                Long.class,
                log,
                Timestamp.from(cutoff));
        return Optional.ofNullable(last).map(l -> l + 1);
    }

    List<String> logs() {
        return jdbc.queryForList(
                "SELECT DISTINCT log_name FROM troad.ss_message_record ORDER BY log_name", String.class);
    }
}
