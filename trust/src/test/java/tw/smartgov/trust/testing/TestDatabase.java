package tw.smartgov.trust.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A throwaway PostgreSQL database on the local server, created once per test JVM and dropped when
 * it exits. The server is {@code SMARTGOV_TEST_PG} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/}), user {@code SMARTGOV_TEST_PG_USER} (default postgres).
 */
public final class TestDatabase {
    private static final String SERVER =
            System.getenv().getOrDefault("SMARTGOV_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("SMARTGOV_TEST_PG_USER", "postgres");
    private static volatile String url;

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) {
            String name = "smartgov_test_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + name);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            url = SERVER + name;
        }
        return url;
    }

    /** Another throwaway database, for tests that run several nodes each with its own database. */
    public static String newDatabaseUrl() {
        String name =
                "smartgov_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        return SERVER + name;
    }

    public static String user() {
        return USER;
    }

    public static DataSource dataSource() {
        var ds = new DriverManagerDataSource(url(), USER, "");
        ds.setDriverClassName("org.postgresql.Driver");
        return ds;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot reach the test PostgreSQL at " + SERVER + " (" + e.getMessage() + ")", e);
        }
    }
}
