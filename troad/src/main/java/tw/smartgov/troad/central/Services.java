package tw.smartgov.troad.central;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tw.smartgov.troad.identifier.ServiceId;

/** The registered services and their OpenAPI documents, in {@code troad.service}. */
@CentralRole
@Repository
class Services {
    /** A registered service, without its document. */
    record Service(ServiceId id, String title, String apiVersion, Instant updatedAt) {}

    /** The stored OpenAPI document, exactly as uploaded. */
    record Document(String mediaType, String text) {}

    private final JdbcTemplate jdbc;

    Services(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true if the service was new, false if its document was replaced */
    boolean put(ServiceId id, OpenApiDocuments.Checked document, Instant now) {
        int updated = jdbc.update(
                "update troad.service set title = ?, api_version = ?, media_type = ?, document = ?, updated_at = ?"
                        + " where id = ?",
                document.title(),
                document.version(),
                document.mediaType(),
                document.text(),
                Timestamp.from(now),
                id.encoded());
        if (updated == 1) {
            return false;
        }
        jdbc.update(
                "insert into troad.service (id, subsystem_id, title, api_version, media_type, document, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                id.encoded(),
                id.provider().encoded(),
                document.title(),
                document.version(),
                document.mediaType(),
                document.text(),
                Timestamp.from(now));
        return true;
    }

    boolean delete(ServiceId id) {
        return jdbc.update("delete from troad.service where id = ?", id.encoded()) == 1;
    }

    List<Service> all() {
        return jdbc.query("select id, title, api_version, updated_at from troad.service order by id", Services::row);
    }

    Optional<Service> find(ServiceId id) {
        return jdbc
                .query(
                        "select id, title, api_version, updated_at from troad.service where id = ?",
                        Services::row,
                        id.encoded())
                .stream()
                .findFirst();
    }

    Optional<Document> document(ServiceId id) {
        return jdbc
                .query(
                        "select media_type, document from troad.service where id = ?",
                        (rs, row) -> new Document(rs.getString("media_type"), rs.getString("document")),
                        id.encoded())
                .stream()
                .findFirst();
    }

    private static Service row(ResultSet rs, int row) throws SQLException {
        return new Service(
                ServiceId.parse(rs.getString("id")),
                rs.getString("title"),
                rs.getString("api_version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
