package tw.smartgov.troad.messagelog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table {@code troad.ss_message_archive} (migration V30): the archive files written per log. */
final class ArchiveFiles {
    /** The last file of a log: where the next one starts and the hash it must name. */
    record Last(long endLeaf, String sha256) {}

    private final JdbcTemplate jdbc;

    ArchiveFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Last> last(String log) {
        return jdbc
                .query(
                        "SELECT end_leaf, sha256 FROM troad.ss_message_archive WHERE log_name = ?"
                                + " ORDER BY first_leaf DESC LIMIT 1",
                        (row, n) -> new Last(row.getLong("end_leaf"), row.getString("sha256")),
                        log)
                .stream()
                .findFirst();
    }

    void insert(String log, long firstLeaf, long endLeaf, String fileName, String sha256, Instant at) {
        jdbc.update(
                "INSERT INTO troad.ss_message_archive (log_name, first_leaf, end_leaf, file_name, sha256, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                log,
                firstLeaf,
                endLeaf,
                fileName,
                sha256,
                Timestamp.from(at));
    }
}
