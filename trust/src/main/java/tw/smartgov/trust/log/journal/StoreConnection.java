package tw.smartgov.trust.log.journal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection the store thread keeps to copy journaled batches into the database.
 *
 * <p>On PostgreSQL the copies commit without waiting for the database's flush ({@code
 * synchronous_commit} off): the journal already made them durable, and a second flush per batch on
 * the same disk would queue behind, and in front of, the journal's own. A journal segment is
 * deleted only after a flushed commit ({@link #flushDatabase}) has made every copy in it durable
 * in the database too. Used by the store thread alone.
 */
final class StoreConnection {
    private static final Logger log = LoggerFactory.getLogger(JournaledLogWriter.class);

    private final String name;
    private final DataSource dataSource;
    private @Nullable Connection connection;
    private @Nullable Boolean postgresql;

    StoreConnection(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** Copies {@code batch} for the journal {@code owner}; a failed connection is dropped. */
    void store(JournaledBatch batch, String owner) throws SQLException {
        Connection c = connection();
        try {
            if (onPostgresql(c)) {
                DatabaseCopies.storeInOneStatement(c, name, batch, owner);
                return;
            }
            c.setAutoCommit(false);
            try {
                DatabaseCopies.storeInTransaction(c, name, batch, owner);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            drop();
            throw e;
        }
    }

    /** Makes every copy committed so far durable in the database: one commit that waits for the flush. */
    void flushDatabase() throws SQLException {
        Connection c = connection();
        if (!onPostgresql(c)) {
            return;
        }
        try {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = on");
            }
            try (var s = c.prepareStatement("UPDATE trust.log_state SET updated_at = updated_at WHERE name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            drop();
            throw e;
        }
    }

    /** Gives the connection back to the pool as it was taken. */
    void giveBack() {
        Connection c = connection;
        connection = null;
        if (c == null) {
            return;
        }
        try (c) {
            if (onPostgresql(c)) {
                try (var s = c.createStatement()) {
                    s.execute("RESET synchronous_commit");
                }
            }
        } catch (SQLException e) {
            log.debug("log {}: returning its connection: {}", name, e.toString());
        }
    }

    private Connection connection() throws SQLException {
        Connection c = connection;
        if (c != null) {
            return c;
        }
        c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            if (onPostgresql(c)) {
                try (var s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off");
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        connection = c;
        return c;
    }

    private void drop() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("log {}: closing a failed connection: {}", name, e.toString());
            }
        }
    }

    private boolean onPostgresql(Connection c) throws SQLException {
        Boolean known = postgresql;
        if (known == null) {
            known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
            postgresql = known;
        }
        return known;
    }
}
