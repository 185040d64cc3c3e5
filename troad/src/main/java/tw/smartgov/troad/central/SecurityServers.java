package tw.smartgov.troad.central;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;

/** The registered security servers and the subsystems they serve, in {@code troad.security_server}. */
@CentralRole
@Repository
class SecurityServers {
    /** A certificate as the registry pins it. */
    record Pin(String sha256, String serialHex, Instant notAfter) {}

    /** A registered security server. */
    record Server(
            MemberId owner,
            String code,
            String address,
            Pin tls,
            Pin signing,
            List<SubsystemId> clients,
            Instant registeredAt,
            @Nullable Instant renewedAt) {
        public String id() {
            return id(owner, code);
        }

        static String id(MemberId owner, String code) {
            return owner.encoded() + "/" + code;
        }
    }

    private static final String COLUMNS = "id, owner_id, code, address, tls_sha256, tls_serial, tls_not_after,"
            + " signing_sha256, signing_serial, signing_not_after, registered_at, renewed_at";

    private final JdbcTemplate jdbc;

    SecurityServers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Server server) {
        jdbc.update(
                "insert into troad.security_server (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                server.id(),
                server.owner().encoded(),
                server.code(),
                server.address(),
                server.tls().sha256(),
                server.tls().serialHex(),
                Timestamp.from(server.tls().notAfter()),
                server.signing().sha256(),
                server.signing().serialHex(),
                Timestamp.from(server.signing().notAfter()),
                Timestamp.from(server.registeredAt()),
                null);
        for (SubsystemId client : server.clients()) {
            jdbc.update(
                    "insert into troad.security_server_client (server_id, subsystem_id) values (?, ?)",
                    server.id(),
                    client.encoded());
        }
    }

    void replaceCertificates(String id, Pin tls, Pin signing, Instant now) {
        jdbc.update(
                "update troad.security_server set tls_sha256 = ?, tls_serial = ?, tls_not_after = ?,"
                        + " signing_sha256 = ?, signing_serial = ?, signing_not_after = ?, renewed_at = ? where id = ?",
                tls.sha256(),
                tls.serialHex(),
                Timestamp.from(tls.notAfter()),
                signing.sha256(),
                signing.serialHex(),
                Timestamp.from(signing.notAfter()),
                Timestamp.from(now),
                id);
    }

    boolean exists(MemberId owner, String code) {
        Integer count = jdbc.queryForObject(
                "select count(*) from troad.security_server where id = ?", Integer.class, Server.id(owner, code));
        return count != null && count > 0;
    }

    /** Deletes a server and its client list; false if there is none. */
    boolean delete(String id) {
        jdbc.update("delete from troad.security_server_client where server_id = ?", id);
        return jdbc.update("delete from troad.security_server where id = ?", id) == 1;
    }

    /** Locks the server's row until the transaction ends: renewals of one server run one at a time. */
    Optional<Server> lock(String id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from troad.security_server where id = ? for update",
                        (rs, row) -> row(rs, clients().getOrDefault(id, List.of())),
                        id)
                .stream()
                .findFirst();
    }

    List<Server> all() {
        Map<String, List<SubsystemId>> clients = clients();
        return jdbc.query(
                "select " + COLUMNS + " from troad.security_server order by id",
                (rs, row) -> row(rs, clients.getOrDefault(rs.getString("id"), List.of())));
    }

    private Map<String, List<SubsystemId>> clients() {
        return jdbc
                .query(
                        "select server_id, subsystem_id from troad.security_server_client order by subsystem_id",
                        (rs, row) ->
                                Map.entry(rs.getString("server_id"), SubsystemId.parse(rs.getString("subsystem_id"))))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static Server row(ResultSet rs, List<SubsystemId> clients) throws SQLException {
        Timestamp renewedAt = rs.getTimestamp("renewed_at");
        return new Server(
                MemberId.parse(rs.getString("owner_id")),
                rs.getString("code"),
                rs.getString("address"),
                new Pin(
                        rs.getString("tls_sha256"),
                        rs.getString("tls_serial"),
                        rs.getTimestamp("tls_not_after").toInstant()),
                new Pin(
                        rs.getString("signing_sha256"),
                        rs.getString("signing_serial"),
                        rs.getTimestamp("signing_not_after").toInstant()),
                clients,
                rs.getTimestamp("registered_at").toInstant(),
                renewedAt == null ? null : renewedAt.toInstant());
    }
}
