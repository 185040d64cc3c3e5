package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.TrustIntegrationTest;
import tw.smartgov.trust.merkle.MerkleHash;

class TransparencyLogsTest extends TrustIntegrationTest {
    @Autowired
    TransparencyLogs logs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentAppendsGetEveryIndexOnceAndAreReadable() throws Exception {
        String log = newLogName();
        int threads = 16;
        int perThread = 250;
        List<Long> indices = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<CompletableFuture<List<Long>>> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appenders.add(CompletableFuture.supplyAsync(() -> appendMany(log, thread, perThread), pool));
            }
            appenders.forEach(a -> indices.addAll(a.join()));
        }

        assertThat(indices).hasSize(threads * perThread).doesNotHaveDuplicates().allMatch(i -> i < threads * perThread);
        List<byte[]> entries = new ArrayList<>();
        for (long i = 0; i < threads * perThread; i++) {
            entries.add(logs.entry(log, i));
        }
        assertThat(logs.treeHead(log))
                .isEqualTo(new TreeHead(
                        entries.size(), ReferenceMerkle.ofEntries(entries).root(entries.size())));
        logs.checkConsistency(log);
    }

    @Test
    void proofsFromTheDatabaseEqualTheReference() {
        String log = newLogName();
        List<byte[]> entries = ExhaustiveProofTest.entries(300);
        entries.stream().map(e -> logs.append(log, e)).toList().forEach(CompletableFuture::join);
        ReferenceMerkle reference = ReferenceMerkle.ofEntries(entries);
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            long size = 1 + random.nextInt(300);
            long index = random.nextInt((int) size);
            long old = 1 + random.nextInt((int) size);
            InclusionProof inclusion = logs.inclusionProof(log, index, size);
            assertThat(inclusion).isEqualTo(new InclusionProof(index, size, reference.path(index, size)));
            inclusion.verify(MerkleHash.leafHash(entries.get((int) index)), reference.root(size));
            ConsistencyProof consistency = logs.consistencyProof(log, old, size);
            assertThat(consistency).isEqualTo(new ConsistencyProof(old, size, reference.proof(old, size)));
            consistency.verify(reference.root(old), reference.root(size));
        }
    }

    @Test
    void failedBatchLeavesNoRowsAndFailsEveryFutureOfIt() throws Exception {
        String log = newLogName();
        logs.appendAndWait(log, bytes("first"));
        // An entry of 7 bytes in this log breaks the constraint, so its whole batch must roll back.
        jdbc.execute("ALTER TABLE trust.log_leaf ADD CONSTRAINT poison_" + log.replace('-', '_')
                + " CHECK (log_name <> '" + log + "' OR octet_length(data) <> 7)");
        try {
            List<CompletableFuture<Long>> batch = appendOneBatchBehindARowLock(log);
            for (CompletableFuture<Long> future : batch) {
                assertThatThrownBy(future::join).hasRootCauseInstanceOf(java.sql.SQLException.class);
            }
        } finally {
            jdbc.execute("ALTER TABLE trust.log_leaf DROP CONSTRAINT poison_" + log.replace('-', '_'));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trust.log_leaf WHERE log_name = ?", Long.class, log))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trust.log_node WHERE log_name = ?", Long.class, log))
                .isEqualTo(1);
        assertThat(logs.treeHead(log).size()).isEqualTo(2);
        logs.checkConsistency(log);
        assertThat(logs.appendAndWait(log, bytes("after"))).isEqualTo(2);
    }

    /** Holds the state row so that the writer is stuck on one append while a batch queues up. */
    private List<CompletableFuture<Long>> appendOneBatchBehindARowLock(String log) throws Exception {
        List<CompletableFuture<Long>> batch = new ArrayList<>();
        CompletableFuture<Long> blocked;
        try (var c = jdbc.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT 1 FROM trust.log_state WHERE name = '" + log + "' FOR UPDATE");
            blocked = logs.append(log, bytes("held back"));
            awaitAWriterWaitingForALock();
            for (int i = 0; i < 10; i++) {
                batch.add(logs.append(log, bytes("good " + i)));
            }
            batch.add(logs.append(log, bytes("poison!")));
            for (int i = 10; i < 20; i++) {
                batch.add(logs.append(log, bytes("good " + i)));
            }
            assertThat(blocked).isNotDone();
            c.commit();
        }
        assertThat(blocked.join()).isEqualTo(1);
        return batch;
    }

    /** Returns once a connection to the test database waits for a lock: the writer, behind the test's. */
    private void awaitAWriterWaitingForALock() {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM pg_stat_activity"
                                        + " WHERE datname = current_database() AND wait_event_type = 'Lock'",
                                Long.class)
                        > 0);
    }

    /** What the tests attach to an entry: a label and a time, written to a table of their own. */
    record Label(String text, Instant at) {}

    private static EntryRows<Label> labelRows(String table) {
        return new EntryRows<>(
                table,
                List.of(
                        EntryRows.leafIndex("leaf"),
                        EntryRows.of("label", EntryRows.Type.TEXT, Label::text),
                        EntryRows.of("at", EntryRows.Type.TIMESTAMPTZ, Label::at)));
    }

    /** A table of its own for the labels attached to the entries of {@code log}. */
    private String createLabelTable(String log) {
        String table = "trust_test_rows_" + log.replace('-', '_');
        jdbc.execute("CREATE TABLE " + table + " (leaf BIGINT PRIMARY KEY, label TEXT NOT NULL,"
                + " at TIMESTAMP WITH TIME ZONE NOT NULL)");
        return table;
    }

    @Test
    void attachedRowsAreWrittenWithTheirEntries() throws Exception {
        String log = newLogName();
        String table = createLabelTable(log);
        try {
            EntryRows<Label> rows = labelRows(table);
            Instant at = Instant.parse("2026-12-01T20:46:27.123456Z");
            List<CompletableFuture<Long>> appended = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                appended.add(logs.append(log, bytes("entry " + i), new Label("標籤 " + i, at.plusSeconds(i)), rows));
            }
            for (int i = 0; i < 50; i++) {
                long leaf = appended.get(i).join();
                var row = jdbc.queryForMap("SELECT label, at FROM " + table + " WHERE leaf = ?", leaf);
                assertThat(row.get("label")).isEqualTo("標籤 " + i);
                assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isEqualTo(at.plusSeconds(i));
                assertThat(logs.entry(log, leaf)).isEqualTo(bytes("entry " + i));
            }

            // rows that cannot be written (a null label) take their entries down with them
            long sizeBefore = logs.treeHead(log).size();
            var refused = logs.append(log, bytes("orphan"), new Label(null, at), rows);
            assertThatThrownBy(refused::join).hasRootCauseInstanceOf(java.sql.SQLException.class);
            assertThat(logs.treeHead(log).size()).isEqualTo(sizeBefore);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class))
                    .isEqualTo(50);
            logs.appendAndWait(log, bytes("after"));
            logs.checkConsistency(log);
        } finally {
            jdbc.execute("DROP TABLE " + table);
        }
    }

    @Test
    void eachLogReportsItsCommitsItsQueueAndItsFailedAppendsToTheMeterRegistry() throws Exception {
        String log = newLogName();
        String table = createLabelTable(log);
        var registry = new SimpleMeterRegistry();
        TransparencyLogs metered = new TransparencyLogs(jdbc.getDataSource(), 64, registry);
        try {
            metered.appendAndWait(log, bytes("first")); // creates the log
            Gauge queued = registry.get("smartgov.log.queued").tag("log", log).gauge();
            List<CompletableFuture<Long>> appended = new ArrayList<>();
            Duration heldFor;
            try (var c = jdbc.getDataSource().getConnection()) {
                // the database holds the writer up: what arrives meanwhile waits in its queue
                c.setAutoCommit(false);
                c.createStatement().execute("SELECT 1 FROM trust.log_state WHERE name = '" + log + "' FOR UPDATE");
                appended.add(metered.append(log, bytes("held back")));
                awaitAWriterWaitingForALock();
                long lockWaitSeen = System.nanoTime();
                for (int i = 0; i < 30; i++) {
                    appended.add(metered.append(log, bytes("entry " + i)));
                }
                assertThat(queued.value()).isEqualTo(30);
                c.commit();
                heldFor = Duration.ofNanos(System.nanoTime() - lockWaitSeen);
            }
            appended.forEach(CompletableFuture::join);
            assertThat(queued.value()).isZero();

            Timer commits = registry.get("smartgov.log.commit").tag("log", log).timer();
            DistributionSummary sizes =
                    registry.get("smartgov.log.commit.appends").tag("log", log).summary();
            assertThat(sizes.totalAmount()).isEqualTo(32);
            assertThat(sizes.count()).isEqualTo(commits.count()).isBetween(3L, 32L);
            assertThat(sizes.max()).isEqualTo(30); // the queue went in one group commit
            // the held-back commit waited at least as long as the lock was held
            assertThat(commits.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(heldFor.toMillis());

            Counter failed =
                    registry.get("smartgov.log.appends.failed").tag("log", log).counter();
            assertThat(failed.count()).isZero();
            var refused = metered.append(log, bytes("orphan"), new Label(null, Instant.now()), labelRows(table));
            assertThatThrownBy(refused::join).hasRootCauseInstanceOf(java.sql.SQLException.class);
            assertThat(failed.count()).isEqualTo(1);
            assertThat(sizes.totalAmount()).isEqualTo(32);
        } finally {
            metered.close();
            jdbc.execute("DROP TABLE " + table);
        }
    }

    @Test
    void onPostgresqlAGroupCommitIsOneStatement() throws Exception {
        String log = newLogName();
        String table = createLabelTable(log);
        var counting = new StatementCounting(jdbc.getDataSource());
        TransparencyLogs counted = new TransparencyLogs(counting.dataSource(), 64);
        try {
            counted.appendAndWait(log, bytes("first")); // creates the log and reads its state
            for (int i = 0; i < 10; i++) {
                int before = counting.statements();
                List<CompletableFuture<Long>> batch = new ArrayList<>();
                for (int j = 0; j < 5; j++) {
                    batch.add(counted.append(
                            log,
                            bytes("entry " + i + "/" + j),
                            new Label("l" + i + j, Instant.now()),
                            labelRows(table)));
                }
                batch.forEach(CompletableFuture::join);
                // one or a few group commits, each a single statement: no BEGIN, no COMMIT
                assertThat(counting.statements() - before).isBetween(1, 5);
                assertThat(counting.transactionsStarted()).isEqualTo(1);
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class))
                    .isEqualTo(50);
            assertThat(counted.treeHead(log).size()).isEqualTo(51);
            counted.checkConsistency(log);
        } finally {
            counted.close();
            jdbc.execute("DROP TABLE " + table);
        }
    }

    @Test
    void aConsistencyCheckWhileAppendsCommitNeverSeesALogThatContradictsItself() throws Exception {
        String log = newLogName();
        logs.appendAndWait(log, bytes("first"));
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var appender = CompletableFuture.runAsync(() -> {
            for (int i = 0; !stop.get(); i++) {
                List<CompletableFuture<Long>> batch = new ArrayList<>();
                for (int j = 0; j < 20; j++) {
                    batch.add(logs.append(log, bytes("entry " + i + "/" + j)));
                }
                batch.forEach(CompletableFuture::join);
            }
        });
        try {
            // the state and the leaves are read in one snapshot, so a commit between them is not
            // mistaken for leaves beyond the log's size
            for (int i = 0; i < 300; i++) {
                logs.checkConsistency(log);
            }
        } finally {
            stop.set(true);
            appender.join();
        }
    }

    @Test
    void entriesAreStoredWithoutCompressionOnPostgresql() {
        // 'e' = EXTERNAL: out of line, never run through pglz (entries are mostly base64)
        assertThat(jdbc.queryForObject(
                        "SELECT attstorage FROM pg_attribute WHERE attrelid = 'trust.log_leaf'::regclass"
                                + " AND attname = 'data'",
                        String.class))
                .isEqualTo("e");
    }

    @Test
    void messageSizedEntriesStayInTheRowAndOnlyLargeOnesGoOutOfLine() {
        String log = newLogName();
        String toast = jdbc.queryForObject(
                "SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = 'trust.log_leaf'::regclass",
                String.class);
        long before = jdbc.queryForObject("SELECT count(*) FROM " + toast, Long.class);
        logs.appendAndWait(log, new byte[5_000]);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + toast, Long.class))
                .isEqualTo(before);
        logs.appendAndWait(log, new byte[20_000]);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + toast, Long.class))
                .isGreaterThan(before);
    }

    @Test
    void restartedInstanceContinuesTheSameTree() throws Exception {
        String log = newLogName();
        for (int i = 0; i < 37; i++) {
            logs.appendAndWait(log, bytes("before " + i));
        }
        TreeHead before = logs.treeHead(log);
        TransparencyLogs restarted = new TransparencyLogs(jdbc.getDataSource(), 16);
        try {
            assertThat(restarted.treeHead(log)).isEqualTo(before);
            for (int i = 0; i < 20; i++) {
                assertThat(restarted.appendAndWait(log, bytes("after " + i))).isEqualTo(37 + i);
            }
            TreeHead after = restarted.treeHead(log);
            logs.consistencyProof(log, before.size(), after.size()).verify(before.rootHash(), after.rootHash());
            restarted.checkConsistency(log);
        } finally {
            restarted.close();
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareOneTree() throws Exception {
        String log = newLogName();
        TransparencyLogs other = new TransparencyLogs(jdbc.getDataSource(), 64);
        try {
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                futures.add(logs.append(log, bytes("here " + i)));
                futures.add(other.append(log, bytes("there " + i)));
            }
            assertThat(futures.stream().map(CompletableFuture::join).sorted().toList())
                    .isEqualTo(
                            java.util.stream.LongStream.range(0, 1000).boxed().toList());
            logs.checkConsistency(log);
        } finally {
            other.close();
        }
    }

    @Test
    void aWriterContinuesTheTreeAnotherInstanceExtendedSinceItsLastAppend() throws Exception {
        String log = newLogName();
        TransparencyLogs other = new TransparencyLogs(jdbc.getDataSource(), 64);
        try {
            assertThat(logs.appendAndWait(log, bytes("here 0"))).isZero();
            assertThat(logs.appendAndWait(log, bytes("here 1"))).isEqualTo(1);
            assertThat(other.appendAndWait(log, bytes("there 0"))).isEqualTo(2);
            assertThat(other.appendAndWait(log, bytes("there 1"))).isEqualTo(3);
            // this instance last committed size 2: it must notice the log moved on, not overwrite it
            assertThat(logs.appendAndWait(log, bytes("here 2"))).isEqualTo(4);
            assertThat(other.appendAndWait(log, bytes("there 2"))).isEqualTo(5);
            logs.checkConsistency(log);
            List<String> expected = List.of("here 0", "here 1", "there 0", "there 1", "here 2", "there 2");
            var reference = ReferenceMerkle.ofEntries(
                    expected.stream().map(TransparencyLogsTest::bytes).toList());
            assertThat(logs.treeHead(log).rootHash()).isEqualTo(reference.root(expected.size()));
        } finally {
            other.close();
        }
    }

    @Test
    void closingWritesEveryQueuedAppendThenRefusesNewOnes() throws Exception {
        String log = newLogName();
        TransparencyLogs closing = new TransparencyLogs(jdbc.getDataSource(), 8);
        List<CompletableFuture<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            queued.add(closing.append(log, bytes("queued " + i)));
        }

        closing.close();

        assertThat(queued).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(logs.treeHead(log).size()).isEqualTo(300);
        assertThatThrownBy(() -> closing.appendAndWait(log, bytes("late"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closing.appendAndWait(newLogName(), bytes("late")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writerRefusesToExtendALogWhoseStoredSubtreesWereAltered() throws Exception {
        String log = newLogName();
        for (int i = 0; i < 6; i++) {
            logs.appendAndWait(log, bytes("entry " + i));
        }
        jdbc.update(
                "UPDATE trust.log_node SET hash = ? WHERE log_name = ? AND level = 2 AND idx = 0", new byte[32], log);
        TransparencyLogs restarted = new TransparencyLogs(jdbc.getDataSource(), 8);
        try {
            assertError(() -> restarted.appendAndWait(log, bytes("more")), TrustError.LOG_INCONSISTENT);
            assertError(() -> restarted.checkConsistency(log), TrustError.LOG_INCONSISTENT);
            assertThat(restarted.treeHead(log).size()).isEqualTo(6);
        } finally {
            restarted.close();
        }
    }

    @Test
    void readingALogNobodyAppendedToFails() {
        String log = newLogName();
        assertError(() -> logs.treeHead(log), TrustError.UNKNOWN_LOG);
        assertError(() -> logs.entry(log, 0), TrustError.UNKNOWN_LOG);
        assertError(() -> logs.inclusionProof(log, 0, 1), TrustError.UNKNOWN_LOG);
        assertError(() -> logs.consistencyProof(log, 0, 0), TrustError.UNKNOWN_LOG);
    }

    @Test
    void sizesBeyondTheLogAreOutOfRange() {
        String log = newLogName();
        logs.appendAndWait(log, bytes("one"));
        logs.appendAndWait(log, bytes("two"));
        assertError(() -> logs.inclusionProof(log, 0, 3), TrustError.TREE_SIZE_OUT_OF_RANGE);
        assertError(() -> logs.inclusionProof(log, 2, 2), TrustError.TREE_SIZE_OUT_OF_RANGE);
        assertError(() -> logs.inclusionProof(log, -1, 2), TrustError.TREE_SIZE_OUT_OF_RANGE);
        assertError(() -> logs.consistencyProof(log, 2, 1), TrustError.TREE_SIZE_OUT_OF_RANGE);
        assertError(() -> logs.consistencyProof(log, 1, 3), TrustError.TREE_SIZE_OUT_OF_RANGE);
        assertError(() -> logs.entry(log, 2), TrustError.TREE_SIZE_OUT_OF_RANGE);
        assertError(() -> logs.entry(log, -1), TrustError.TREE_SIZE_OUT_OF_RANGE);
        assertThat(logs.entry(log, 1)).isEqualTo(bytes("two"));
    }

    @Test
    void oversizedEntryAndBadNameAreRefused() {
        assertError(
                () -> logs.append(newLogName(), new byte[TransparencyLogs.MAX_ENTRY_BYTES + 1]),
                TrustError.ENTRY_TOO_LARGE);
        assertError(() -> logs.append("Bad_Name", bytes("x")), TrustError.INVALID_ARGUMENT);
        assertError(() -> logs.treeHead("x"), TrustError.INVALID_ARGUMENT);
    }

    @Test
    void entryOfExactlyOneMebibyteIsAccepted() {
        String log = newLogName();
        byte[] data = new byte[TransparencyLogs.MAX_ENTRY_BYTES];
        assertThat(logs.appendAndWait(log, data)).isZero();
        assertThat(logs.entry(log, 0)).isEqualTo(data);
    }

    private List<Long> appendMany(String log, int thread, int count) {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(logs.append(log, bytes("thread " + thread + " entry " + i)));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    static void assertError(Runnable call, TrustError error) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    static String newLogName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
