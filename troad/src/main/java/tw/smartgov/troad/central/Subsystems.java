package tw.smartgov.troad.central;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tw.smartgov.troad.identifier.SubsystemId;

/** The registered subsystems, in {@code troad.subsystem}. */
@CentralRole
@Repository
class Subsystems {
    private final JdbcTemplate jdbc;

    Subsystems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if it already exists */
    boolean insert(SubsystemId id, Instant now) {
        try {
            jdbc.update(
                    "insert into troad.subsystem (id, member_id, created_at) values (?, ?, ?)",
                    id.encoded(),
                    id.member().encoded(),
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** @return false if there was no such subsystem */
    boolean delete(SubsystemId id) {
        return jdbc.update("delete from troad.subsystem where id = ?", id.encoded()) == 1;
    }

    boolean exists(SubsystemId id) {
        Integer count =
                jdbc.queryForObject("select count(*) from troad.subsystem where id = ?", Integer.class, id.encoded());
        return count != null && count > 0;
    }

    List<SubsystemId> all() {
        return jdbc.query(
                "select id from troad.subsystem order by id", (rs, row) -> SubsystemId.parse(rs.getString("id")));
    }
}
