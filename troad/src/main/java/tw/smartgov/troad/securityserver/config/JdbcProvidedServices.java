package tw.smartgov.troad.securityserver.config;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * Provided services in table {@code troad.ss_provided_service} (migration V21). The data path's
 * backend lookups are cached ({@link ReadThroughCache}): changes made through this object apply to
 * the next request, changes by another node on the same database within a second. Thread-safe.
 */
final class JdbcProvidedServices implements ManagedProvidedServices {
    private static final String COLUMNS = "SELECT service_id, backend, openapi FROM troad.ss_provided_service";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReadThroughCache<ServiceId, Optional<URI>> backends;

    JdbcProvidedServices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.backends = new ReadThroughCache<>(this::readBackend, ReadThroughCache.DEFAULT_FRESHNESS, clock);
    }

    @Override
    public Optional<URI> backend(ServiceId service) {
        return backends.get(service);
    }

    private Optional<URI> readBackend(ServiceId service) {
        return jdbc
                .query(
                        "SELECT backend FROM troad.ss_provided_service WHERE service_id = ?",
                        (rs, i) -> rs.getString(1),
                        service.encoded())
                .stream()
                .findFirst()
                .map(URI::create);
    }

    @Override
    public Optional<ServiceDescription> description(ServiceId service) {
        return jdbc.query(COLUMNS + " WHERE service_id = ?", JdbcProvidedServices::row, service.encoded()).stream()
                .findFirst();
    }

    @Override
    public List<ServiceDescription> servicesOf(SubsystemId provider) {
        return jdbc.query(
                COLUMNS + " WHERE provider_id = ? ORDER BY service_id", JdbcProvidedServices::row, provider.encoded());
    }

    @Override
    public void put(ServiceDescription d) {
        try {
            write(d);
        } finally {
            backends.clear();
        }
    }

    private void write(ServiceDescription d) {
        // update first, insert if absent: portable between PostgreSQL and H2 (no ON CONFLICT UPDATE)
        if (update(d) > 0) {
            return;
        }
        try {
            jdbc.update(
                    "INSERT INTO troad.ss_provided_service (service_id, provider_id, backend, openapi, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    d.service().encoded(),
                    d.service().provider().encoded(),
                    d.backend().toString(),
                    d.openApi(),
                    now());
        } catch (DuplicateKeyException e) {
            update(d); // a concurrent put inserted it first: the later write wins
        }
    }

    @Override
    public boolean remove(ServiceId service) {
        try {
            return jdbc.update("DELETE FROM troad.ss_provided_service WHERE service_id = ?", service.encoded()) > 0;
        } finally {
            backends.clear();
        }
    }

    @Override
    public List<ServiceDescription> list() {
        return jdbc.query(COLUMNS + " ORDER BY service_id", JdbcProvidedServices::row);
    }

    private int update(ServiceDescription d) {
        return jdbc.update(
                "UPDATE troad.ss_provided_service SET backend = ?, openapi = ?, updated_at = ? WHERE service_id = ?",
                d.backend().toString(),
                d.openApi(),
                now(),
                d.service().encoded());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static ServiceDescription row(ResultSet rs, int i) throws SQLException {
        return new ServiceDescription(ServiceId.parse(rs.getString(1)), URI.create(rs.getString(2)), rs.getString(3));
    }
}
