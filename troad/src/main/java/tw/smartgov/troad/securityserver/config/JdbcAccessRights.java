package tw.smartgov.troad.securityserver.config;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * Access rights in table {@code troad.ss_access_right} (migration V20). Deny by default. A check
 * reads the grants of one client and service (primary key prefix) and matches method and path in
 * Java, so the SQL stays portable between PostgreSQL and H2. The grants read are cached ({@link
 * ReadThroughCache}): a grant or revocation made through this object applies to the next request,
 * one made by another node on the same database within a second. Thread-safe.
 */
final class JdbcAccessRights implements ManagedAccessRights {
    private static final String ANY_METHOD = "*";
    private static final String ANY_PATH = "";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReadThroughCache<List<String>, List<AccessGrant>> grants;

    JdbcAccessRights(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.grants = new ReadThroughCache<>(
                key -> readGrants(key.get(0), key.get(1)), ReadThroughCache.DEFAULT_FRESHNESS, clock);
    }

    @Override
    public boolean allows(SubsystemId client, ServiceId service, String method, String path) {
        return grantsOf(client.encoded(), service.encoded()).stream()
                .anyMatch(g -> g.covers(client, service, method, path));
    }

    @Override
    public boolean allowsAny(SubsystemId client, ServiceId service) {
        return !grantsOf(client.encoded(), service.encoded()).isEmpty();
    }

    @Override
    public void grant(AccessGrant grant) {
        try {
            jdbc.update(
                    "INSERT INTO troad.ss_access_right (client_id, service_id, method, path_prefix, granted_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    grant.client().encoded(),
                    grant.service().encoded(),
                    method(grant),
                    path(grant),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            // already granted: granting is idempotent
        } finally {
            grants.clear();
        }
    }

    @Override
    public boolean revoke(AccessGrant grant) {
        try {
            return revokeRow(grant);
        } finally {
            grants.clear();
        }
    }

    private boolean revokeRow(AccessGrant grant) {
        return jdbc.update(
                        "DELETE FROM troad.ss_access_right"
                                + " WHERE client_id = ? AND service_id = ? AND method = ? AND path_prefix = ?",
                        grant.client().encoded(),
                        grant.service().encoded(),
                        method(grant),
                        path(grant))
                > 0;
    }

    @Override
    public List<AccessGrant> list() {
        return jdbc.query(
                "SELECT client_id, service_id, method, path_prefix FROM troad.ss_access_right",
                (rs, i) -> grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    private List<AccessGrant> grantsOf(String client, String service) {
        return grants.get(List.of(client, service));
    }

    private List<AccessGrant> readGrants(String client, String service) {
        return jdbc.query(
                "SELECT client_id, service_id, method, path_prefix FROM troad.ss_access_right"
                        + " WHERE client_id = ? AND service_id = ?",
                (rs, i) -> grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                client,
                service);
    }

    private static AccessGrant grant(String client, String service, String method, String path) {
        return new AccessGrant(
                SubsystemId.parse(client),
                ServiceId.parse(service),
                ANY_METHOD.equals(method) ? null : method,
                path.isEmpty() ? null : path);
    }

    private static String method(AccessGrant grant) {
        return grant.method() == null ? ANY_METHOD : grant.method();
    }

    private static String path(AccessGrant grant) {
        return grant.pathPrefix() == null ? ANY_PATH : grant.pathPrefix();
    }
}
