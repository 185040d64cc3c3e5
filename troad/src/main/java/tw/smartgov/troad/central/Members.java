package tw.smartgov.troad.central;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tw.smartgov.troad.identifier.MemberId;

/** The registered members, in {@code troad.member}. */
@CentralRole
@Repository
class Members {
    /** A registered member: an agency or company. */
    record Member(MemberId id, String name, Instant createdAt) {}

    private final JdbcTemplate jdbc;

    Members(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if a member with that id already exists */
    boolean insert(MemberId id, String name, Instant now) {
        try {
            jdbc.update(
                    "insert into troad.member (id, name, created_at) values (?, ?, ?)",
                    id.encoded(),
                    name,
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Member> find(MemberId id) {
        return jdbc
                .query("select id, name, created_at from troad.member where id = ?", Members::row, id.encoded())
                .stream()
                .findFirst();
    }

    /** @return false if there is no such member */
    boolean rename(MemberId id, String name) {
        return jdbc.update("update troad.member set name = ? where id = ?", name, id.encoded()) == 1;
    }

    /** Removes the member and its registration tokens; false if there was no such member. */
    boolean delete(MemberId id) {
        // used ones too: they refer to servers that were decommissioned (a member with servers is
        // not deleted, and the caller's transaction then keeps its tokens)
        jdbc.update("delete from troad.registration_token where owner_id = ?", id.encoded());
        return jdbc.update("delete from troad.member where id = ?", id.encoded()) == 1;
    }

    boolean exists(MemberId id) {
        return find(id).isPresent();
    }

    List<Member> all() {
        return jdbc.query("select id, name, created_at from troad.member order by id", Members::row);
    }

    private static Member row(ResultSet rs, int row) throws SQLException {
        return new Member(
                MemberId.parse(rs.getString("id")),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
