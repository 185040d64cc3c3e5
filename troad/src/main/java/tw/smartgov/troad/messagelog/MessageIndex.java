package tw.smartgov.troad.messagelog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.trust.log.EntryRows;

/** Table {@code troad.ss_message_record} (migration V30): X-Road-Id to leaf indices. Thread-safe. */
final class MessageIndex {
    private final JdbcTemplate jdbc;

    MessageIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What is indexed about a record, written with the record's log entry (one transaction). */
    record Row(String log, MessageRecord record, Instant loggedAt) {}

    /** The row of each record, written with the record's log entry (one commit). */
    static final EntryRows<Row> ROWS = new EntryRows<>(
            "troad.ss_message_record",
            List.of(
                    EntryRows.of("log_name", EntryRows.Type.TEXT, Row::log),
                    EntryRows.leafIndex("leaf_index"),
                    EntryRows.of(
                            "x_road_id",
                            EntryRows.Type.TEXT,
                            row -> row.record().xRoadId()),
                    EntryRows.of(
                            "request_id",
                            EntryRows.Type.TEXT,
                            row -> row.record().requestId()),
                    EntryRows.of(
                            "side",
                            EntryRows.Type.TEXT,
                            row -> row.record().side().name()),
                    EntryRows.of("logged_at", EntryRows.Type.TIMESTAMPTZ, Row::loggedAt)));

    /** The leaves of {@code log} holding records of {@code xRoadId}, in log order. */
    List<Long> leaves(String log, String xRoadId) {
        return jdbc.query(
                "SELECT leaf_index FROM troad.ss_message_record WHERE log_name = ? AND x_road_id = ?"
                        + " ORDER BY leaf_index",
                (rs, row) -> rs.getLong(1),
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
        return jdbc.query(
                "SELECT DISTINCT log_name FROM troad.ss_message_record ORDER BY log_name",
                (rs, row) -> rs.getString(1));
    }
}
