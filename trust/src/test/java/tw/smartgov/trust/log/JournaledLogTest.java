package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static tw.smartgov.trust.log.TransparencyLogsTest.assertError;
import static tw.smartgov.trust.log.TransparencyLogsTest.bytes;
import static tw.smartgov.trust.log.TransparencyLogsTest.newLogName;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustIntegrationTest;

/**
 * Logs journaled locally, on the real PostgreSQL: acknowledged once in the journal, in the
 * database right after, recovered after a crash, and owned by their journal meanwhile.
 */
class JournaledLogTest extends TrustIntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path journals;

    @Test
    void journaledAppendsReachTheDatabaseAsOneTreeWithTheirRows() throws Exception {
        String log = newLogName();
        String table = "trust_test_journal_" + log.replace('-', '_');
        jdbc.execute("CREATE TABLE " + table + " (leaf BIGINT PRIMARY KEY, label TEXT NOT NULL,"
                + " at TIMESTAMP WITH TIME ZONE NOT NULL)");
        var registry = new SimpleMeterRegistry();
        TransparencyLogs logs = journaled(jdbc.getDataSource(), registry, log);
        try {
            var rows = new EntryRows<TransparencyLogsTest.Label>(
                    table,
                    List.of(
                            EntryRows.leafIndex("leaf"),
                            EntryRows.of("label", EntryRows.Type.TEXT, TransparencyLogsTest.Label::text),
                            EntryRows.of("at", EntryRows.Type.TIMESTAMPTZ, TransparencyLogsTest.Label::at)));
            Instant at = Instant.parse("2026-12-02T13:50:00.654321Z");
            List<byte[]> entries = new ArrayList<>();
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                entries.add(bytes("journaled " + i));
                futures.add(logs.append(
                        log, entries.getLast(), new TransparencyLogsTest.Label("標籤 " + i, at.plusSeconds(i)), rows));
            }
            assertThat(futures.stream().map(CompletableFuture::join).toList())
                    .isEqualTo(LongStream.range(0, 400).boxed().toList());

            // reads through the logs wait for the database to hold what was acknowledged
            assertThat(logs.treeHead(log))
                    .isEqualTo(
                            new TreeHead(400, ReferenceMerkle.ofEntries(entries).root(400)));
            logs.checkConsistency(log);
            assertThat(logs.entry(log, 399)).isEqualTo(entries.get(399));
            var row = jdbc.queryForMap("SELECT label, at FROM " + table + " WHERE leaf = 123");
            assertThat(row.get("label")).isEqualTo("標籤 123");
            assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isEqualTo(at.plusSeconds(123));
            assertThat(registry.get("smartgov.log.journal.write")
                            .tag("log", log)
                            .timer()
                            .count())
                    .isPositive();
            assertThat(registry.get("smartgov.log.journal.behind")
                            .tag("log", log)
                            .gauge()
                            .value())
                    .isZero();
            assertThat(journalOwner(log)).isNotNull();
        } finally {
            logs.close();
            jdbc.execute("DROP TABLE " + table);
        }
        // a clean stop stored everything; the log stays with its journal for the next start
        assertThat(storedSize(log)).isEqualTo(400);
        assertThat(journalOwner(log)).isNotNull();
    }

    @Test
    void whatTheJournalAcknowledgedWhileTheDatabaseWasDownIsStoredAfterACrash() throws Exception {
        String log = newLogName();
        var database = new Switchable(jdbc.getDataSource());
        TransparencyLogs crashing = journaled(database.dataSource(), null, log);
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(bytes("stored " + i));
            crashing.appendAndWait(log, entries.getLast());
        }
        crashing.awaitStored(log);

        database.down.set(true);
        List<CompletableFuture<Long>> acknowledged = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(bytes("only in the journal " + i));
            acknowledged.add(crashing.append(log, entries.getLast()));
        }
        assertThat(acknowledged.stream().map(CompletableFuture::join).toList())
                .isEqualTo(LongStream.range(3, 53).boxed().toList());
        assertThat(storedSize(log)).isEqualTo(3);
        crashing.halt(log);
        database.down.set(false);

        // meanwhile no other writer may extend the log past what only the journal holds
        TransparencyLogs direct = new TransparencyLogs(jdbc.getDataSource(), 8);
        try {
            assertError(() -> direct.appendAndWait(log, bytes("interloper")), TrustError.LOG_JOURNALED_ELSEWHERE);
        } finally {
            direct.close();
        }

        TransparencyLogs restarted = journaled(jdbc.getDataSource(), null, log);
        try {
            entries.add(bytes("after the restart"));
            assertThat(restarted.appendAndWait(log, entries.getLast())).isEqualTo(53);
            assertThat(restarted.treeHead(log))
                    .isEqualTo(
                            new TreeHead(54, ReferenceMerkle.ofEntries(entries).root(54)));
            assertThat(restarted.entry(log, 30)).isEqualTo(entries.get(30));
            restarted.checkConsistency(log);
        } finally {
            restarted.close();
        }
        // started again with the journal switched off, the node gives the log back and writes directly
        TransparencyLogs switchedOff = new TransparencyLogs(jdbc.getDataSource(), 8, null, journals);
        try {
            assertThat(switchedOff.appendAndWait(log, bytes("direct again"))).isEqualTo(54);
        } finally {
            switchedOff.close();
        }
        assertThat(journalOwner(log)).isNull();
    }

    @Test
    void switchingTheJournalOffStoresWhatOnlyTheJournalHeldBeforeWritingDirectly() throws Exception {
        String log = newLogName();
        var database = new Switchable(jdbc.getDataSource());
        TransparencyLogs crashing = journaled(database.dataSource(), null, log);
        crashing.appendAndWait(log, bytes("stored"));
        crashing.awaitStored(log);
        database.down.set(true);
        assertThat(crashing.appendAndWait(log, bytes("journal only"))).isEqualTo(1);
        crashing.halt(log);
        database.down.set(false);

        TransparencyLogs switchedOff = new TransparencyLogs(jdbc.getDataSource(), 8, null, journals);
        try {
            assertThat(switchedOff.appendAndWait(log, bytes("direct"))).isEqualTo(2);
            assertThat(switchedOff.entry(log, 1)).isEqualTo(bytes("journal only"));
            switchedOff.checkConsistency(log);
        } finally {
            switchedOff.close();
        }
    }

    @Test
    void segmentsWhoseEntriesAreAllStoredAreDeleted() throws Exception {
        String log = newLogName();
        TransparencyLogs logs = journaled(jdbc.getDataSource(), null, log);
        try {
            byte[] large = new byte[700_000];
            for (int i = 0; i < 12; i++) {
                large[0] = (byte) i;
                logs.appendAndWait(log, large);
            }
            logs.awaitStored(log);
            // 12 entries of 700 KB filled 5 segments of 2 MB; once stored, only the current one
            // and the one made ahead are left
            await().atMost(Duration.ofSeconds(10)).until(() -> segmentFiles(log) <= 2);
            assertThat(logs.entry(log, 11)[0]).isEqualTo((byte) 11);
        } finally {
            logs.close();
        }
    }

    private long segmentFiles(String log) throws Exception {
        try (var files = java.nio.file.Files.list(journals.resolve(log))) {
            return files.filter(f -> f.toString().endsWith(".journal")).count();
        }
    }

    @Test
    void aLogAlreadyAppendedToInThisProcessCannotBeJournaledLater() throws Exception {
        String log = newLogName();
        TransparencyLogs logs = new TransparencyLogs(jdbc.getDataSource(), 8, null, journals);
        try {
            logs.appendAndWait(log, bytes("direct"));
            assertThatThrownBy(() -> logs.journalLocally(log))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("before it was journaled");
        } finally {
            logs.close();
        }
        assertThatThrownBy(() -> new TransparencyLogs(jdbc.getDataSource(), 8).journalLocally(log))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no data folder");
    }

    private TransparencyLogs journaled(DataSource dataSource, SimpleMeterRegistry registry, String log) {
        TransparencyLogs logs =
                new TransparencyLogs(dataSource, 64, registry, journals, 2 * TransparencyLogs.MAX_ENTRY_BYTES);
        logs.journalLocally(log);
        return logs;
    }

    private Long storedSize(String log) {
        return jdbc.queryForObject("SELECT tree_size FROM trust.log_state WHERE name = ?", Long.class, log);
    }

    private String journalOwner(String log) {
        return jdbc.queryForObject("SELECT journal_owner FROM trust.log_state WHERE name = ?", String.class, log);
    }

    /** A data source whose connections, open or new, can be made to fail, as when the database is down. */
    static final class Switchable {
        final AtomicBoolean down = new AtomicBoolean();
        private final DataSource target;

        Switchable(DataSource target) {
            this.target = target;
        }

        DataSource dataSource() {
            return proxy(DataSource.class, target, true);
        }

        private <T> T proxy(Class<T> type, Object delegate, boolean wrapConnections) {
            return type.cast(Proxy.newProxyInstance(
                    type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                        boolean harmless = method.getName().equals("close")
                                || method.getName().equals("isClosed");
                        if (down.get() && !harmless) {
                            throw new SQLException("the database is down (test)");
                        }
                        Object result;
                        try {
                            result = method.invoke(delegate, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                        return wrapConnections && result instanceof Connection c
                                ? proxy(Connection.class, c, false)
                                : result;
                    }));
        }
    }
}
