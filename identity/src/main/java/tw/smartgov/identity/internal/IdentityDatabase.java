package tw.smartgov.identity.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.IdentityProperties;
import tw.smartgov.trust.SchemaMigrations;

/**
 * The identity module's own connection pool, on the node's database but bound to the {@code
 * identity} schema. Spring's authorization server names its tables without a schema ({@code
 * oauth2_authorization}, …); a pool whose connections start in {@code identity} lets it use them
 * without widening the search path of every other module's connections.
 */
@Component
public class IdentityDatabase implements DisposableBean {
    public static final String SCHEMA = "identity";
    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;

    /** @param migrated orders the pool after the migrations: the schema must exist */
    IdentityDatabase(JdbcConnectionDetails connection, IdentityProperties properties, SchemaMigrations migrated) {
        pool = new HikariDataSource();
        pool.setPoolName("identity");
        pool.setJdbcUrl(connection.getJdbcUrl());
        pool.setUsername(connection.getUsername());
        pool.setPassword(connection.getPassword());
        pool.setDriverClassName(connection.getDriverClassName());
        pool.setSchema(SCHEMA);
        pool.setMaximumPoolSize(properties.poolSize());
        pool.setMinimumIdle(1);
        jdbc = new JdbcTemplate(pool);
    }

    /** Queries and updates in the identity schema (unqualified table names). */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
