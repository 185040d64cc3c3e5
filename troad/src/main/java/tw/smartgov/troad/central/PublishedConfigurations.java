package tw.smartgov.troad.central;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every signed version of the global configuration, in {@code troad.global_configuration}: all
 * central nodes serve the latest row, so they agree on the version.
 */
@CentralRole
@Repository
class PublishedConfigurations {
    /** One signed version. {@code contentSha256} ignores version and times: it detects changes. */
    record Row(long version, String contentSha256, String jws, Instant generatedAt, Instant expiresAt) {}

    private final JdbcTemplate jdbc;

    PublishedConfigurations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> latest() {
        return jdbc
                .query(
                        "select version, content_sha256, jws, generated_at, expires_at from troad.global_configuration"
                                + " order by version desc limit 1",
                        (rs, n) -> new Row(
                                rs.getLong("version"),
                                rs.getString("content_sha256"),
                                rs.getString("jws"),
                                rs.getTimestamp("generated_at").toInstant(),
                                rs.getTimestamp("expires_at").toInstant()))
                .stream()
                .findFirst();
    }

    /** @return false if another node published this version first */
    boolean insert(Row row) {
        try {
            jdbc.update(
                    "insert into troad.global_configuration (version, content_sha256, jws, generated_at, expires_at)"
                            + " values (?, ?, ?, ?, ?)",
                    row.version(),
                    row.contentSha256(),
                    row.jws(),
                    Timestamp.from(row.generatedAt()),
                    Timestamp.from(row.expiresAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Replaces the signature of the same content with a fresh one; false if another node did first. */
    boolean resign(Row previous, Row next) {
        return jdbc.update(
                        "update troad.global_configuration set jws = ?, generated_at = ?, expires_at = ?"
                                + " where version = ? and generated_at = ?",
                        next.jws(),
                        Timestamp.from(next.generatedAt()),
                        Timestamp.from(next.expiresAt()),
                        previous.version(),
                        Timestamp.from(previous.generatedAt()))
                == 1;
    }
}
