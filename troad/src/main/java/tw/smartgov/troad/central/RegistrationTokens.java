package tw.smartgov.troad.central;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * One-time registration tokens, in {@code troad.registration_token}. Only the SHA-256 of a token is
 * stored: a database dump does not let anyone register a security server.
 */
@CentralRole
@Repository
class RegistrationTokens {
    /** What an administrator allowed a token to register. */
    record Grant(
            MemberId owner,
            String code,
            String address,
            List<SubsystemId> clients,
            Instant expiresAt,
            @Nullable Instant usedAt) {}

    private final JdbcTemplate jdbc;

    RegistrationTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenSha256, Grant grant, Instant now) {
        jdbc.update(
                "insert into troad.registration_token (token_sha256, owner_id, code, address, clients, created_at,"
                        + " expires_at) values (?, ?, ?, ?, ?, ?, ?)",
                tokenSha256,
                grant.owner().encoded(),
                grant.code(),
                grant.address(),
                String.join(
                        "\n", grant.clients().stream().map(SubsystemId::encoded).toList()),
                Timestamp.from(now),
                Timestamp.from(grant.expiresAt()));
    }

    /** Locks the token's row until the transaction ends, so that two registrations cannot both use it. */
    Optional<Grant> lock(String tokenSha256) {
        return jdbc
                .query(
                        "select owner_id, code, address, clients, expires_at, used_at from troad.registration_token"
                                + " where token_sha256 = ? for update",
                        RegistrationTokens::row,
                        tokenSha256)
                .stream()
                .findFirst();
    }

    /** @return false if it was used meanwhile */
    boolean markUsed(String tokenSha256, Instant now) {
        return jdbc.update(
                        "update troad.registration_token set used_at = ? where token_sha256 = ? and used_at is null",
                        Timestamp.from(now),
                        tokenSha256)
                == 1;
    }

    private static Grant row(ResultSet rs, int row) throws SQLException {
        String clients = rs.getString("clients");
        Timestamp usedAt = rs.getTimestamp("used_at");
        return new Grant(
                MemberId.parse(rs.getString("owner_id")),
                rs.getString("code"),
                rs.getString("address"),
                clients.isEmpty()
                        ? List.of()
                        : Arrays.stream(clients.split("\n"))
                                .map(SubsystemId::parse)
                                .toList(),
                rs.getTimestamp("expires_at").toInstant(),
                usedAt == null ? null : usedAt.toInstant());
    }
}
