package tw.smartgov.trust.log;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.log.journal.JournaledLogWriter;
import tw.smartgov.trust.log.journal.LogJournal;
import tw.smartgov.trust.log.store.LogConsistency;
import tw.smartgov.trust.log.store.LogReads;
import tw.smartgov.trust.log.store.LogStates;
import tw.smartgov.trust.log.writer.Attachment;
import tw.smartgov.trust.log.writer.LogAppender;
import tw.smartgov.trust.log.writer.LogWriter;
import tw.smartgov.trust.merkle.Frontier;

/**
 * Named append-only transparency logs kept in the {@code trust} schema, each an RFC 9162 Merkle
 * tree. A log comes into being with its first append; reading a log nobody appended to fails with
 * {@link TrustError#UNKNOWN_LOG}. Names match {@code [a-z][a-z0-9-]{1,40}}, otherwise {@link
 * TrustError#INVALID_ARGUMENT}.
 *
 * <p>Appends are durable when their future completes: each log has one writer thread per process
 * that commits queued appends in batches, and writers on several processes sharing the database
 * take turns through a row lock. Sizes outside the log fail with {@link
 * TrustError#TREE_SIZE_OUT_OF_RANGE}; a stored log that contradicts itself fails with {@link
 * TrustError#LOG_INCONSISTENT}. Database failures surface as {@link IllegalStateException}.
 * Thread-safe.
 */
@Component
public class TransparencyLogs {
    /** The largest entry a log accepts, in bytes. */
    public static final int MAX_ENTRY_BYTES = LogAppender.MAX_ENTRY_BYTES;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,40}");

    private final DataSource dataSource;
    private final int maxBatch;
    private final @Nullable MeterRegistry meters;
    private final @Nullable Path journalRoot;
    private final int segmentBytes;
    private final Set<String> journaled = ConcurrentHashMap.newKeySet();
    private final Map<String, LogAppender> writers = new ConcurrentHashMap<>();
    // Per log, a size known to be committed: sizes only grow, so proofs within it skip a read.
    private final Map<String, Long> committedSizes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Takes {@code migrations} only so that the schema is up to date before the first append; each
     * log's writer reports its commits to {@code meters} when there is a registry ({@code
     * smartgov.log.*}, tagged with the log's name).
     */
    @Autowired
    public TransparencyLogs(
            DataSource dataSource,
            SchemaMigrations migrations,
            TrustProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this(dataSource, properties.maxBatch(), meters.getIfAvailable(), journalsIn(properties));
    }

    /** Without metrics. */
    public TransparencyLogs(DataSource dataSource, SchemaMigrations migrations, TrustProperties properties) {
        this(dataSource, properties.maxBatch(), null, journalsIn(properties));
    }

    TransparencyLogs(DataSource dataSource, int maxBatch) {
        this(dataSource, maxBatch, null, null);
    }

    TransparencyLogs(DataSource dataSource, int maxBatch, @Nullable MeterRegistry meters) {
        this(dataSource, maxBatch, meters, null);
    }

    TransparencyLogs(DataSource dataSource, int maxBatch, @Nullable MeterRegistry meters, @Nullable Path journalRoot) {
        this(dataSource, maxBatch, meters, journalRoot, LogJournal.DEFAULT_SEGMENT_BYTES);
    }

    TransparencyLogs(
            DataSource dataSource,
            int maxBatch,
            @Nullable MeterRegistry meters,
            @Nullable Path journalRoot,
            int segmentBytes) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("smartgov.trust.max-batch must be at least 1: " + maxBatch);
        }
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.meters = meters;
        this.journalRoot = journalRoot;
        this.segmentBytes = segmentBytes;
    }

    private static Path journalsIn(TrustProperties properties) {
        return properties.dataDir().resolve("log-journals");
    }

    /**
     * From now on, appends to {@code log} are acknowledged once they are durable in a journal on
     * this node's disk ({@code <data dir>/log-journals/<log>}), one local flush instead of a
     * database commit, and stored in the database right after, in group commits. The database
     * stays the system of record: reads through this class wait until it holds every append
     * acknowledged before them, and {@link #awaitStored} does the same for other readers.
     *
     * <p>The journal then owns the log: its state row names the journal, and writers elsewhere fail
     * with {@link TrustError#LOG_JOURNALED_ELSEWHERE}. After a crash, the next start with the same
     * data folder stores what the journal acknowledged before taking new appends; a start with the
     * same data folder that does not journal the log stores it too, then gives the log back to
     * writers without a journal. Call before the first append to {@code log} in this process;
     * fails with {@link IllegalStateException} after it, or when this instance has no data folder.
     */
    public void journalLocally(String log) {
        checkName(log);
        if (journalRoot == null) {
            throw new IllegalStateException("these transparency logs have no data folder to journal " + log + " in");
        }
        synchronized (this) {
            LogAppender writer = writers.get(log);
            if (writer != null && !(writer instanceof JournaledLogWriter)) {
                throw new IllegalStateException("log " + log + " was appended to before it was journaled locally");
            }
            journaled.add(log);
        }
    }

    /**
     * Returns once every append to {@code log} acknowledged so far can be read from the database
     * (at once, unless the log is {@linkplain #journalLocally journaled locally}). Throws {@link
     * IllegalStateException} when the database does not catch up within 30 s.
     */
    public void awaitStored(String log) {
        LogAppender writer = writers.get(log);
        if (writer != null) {
            writer.awaitStored();
        }
    }

    /**
     * Appends {@code data} to {@code log}, creating the log if needed. The future completes with
     * the entry's leaf index once the entry is committed, or fails if its batch was rolled back.
     * For a log {@linkplain #journalLocally journaled locally}, the calling thread usually writes
     * the journal itself (its entry and others queued) before this returns, and the future is then
     * already complete.
     */
    public CompletableFuture<Long> append(String log, byte[] data) {
        return submit(log, data, null);
    }

    /**
     * Like {@link #append(String, byte[])}, and writes {@code rows} for the entry (made from {@code
     * attachment}) in the transaction that commits it: the future completes once both are durable,
     * or fails with neither written.
     */
    public <T> CompletableFuture<Long> append(String log, byte[] data, T attachment, EntryRows<T> rows) {
        return submit(log, data, index -> rows.evaluate(index, attachment));
    }

    private CompletableFuture<Long> submit(String log, byte[] data, @Nullable Attachment attached) {
        checkName(log);
        if (data.length > MAX_ENTRY_BYTES) {
            throw new TrustException(
                    TrustError.ENTRY_TOO_LARGE,
                    "a log entry holds at most " + MAX_ENTRY_BYTES + " bytes, not " + data.length);
        }
        LogAppender writer = writers.get(log);
        if (writer == null) {
            try {
                writer = writers.computeIfAbsent(log, this::startWriter);
            } catch (IllegalStateException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return writer.submit(data.clone(), attached);
    }

    /**
     * {@link #append} and wait until the entry is committed; returns its leaf index. Throws what
     * the future would have failed with.
     */
    public long appendAndWait(String log, byte[] data) {
        try {
            return append(log, data).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The names of all logs, in alphabetical order. */
    public List<String> names() {
        return read(LogStates::names);
    }

    /** The current size of {@code log} and its root hash. */
    public TreeHead treeHead(String log) {
        checkName(log);
        awaitStored(log);
        Frontier state = read(c -> LogStates.readState(c, log, false)).orElseThrow(() -> unknown(log));
        TreeHead head = new TreeHead(state.size(), state.root());
        committedSizes.merge(log, head.size(), Math::max);
        return head;
    }

    /** The proof that leaf {@code leafIndex} is in the tree of {@code log} at size {@code treeSize}. */
    public InclusionProof inclusionProof(String log, long leafIndex, long treeSize) {
        checkName(log);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw outOfRange("leaf index " + leafIndex + " is not inside tree size " + treeSize);
        }
        awaitStored(log);
        requireWithinLog(log, treeSize);
        return ProofGenerator.inclusion(store(log), leafIndex, treeSize);
    }

    /** The proof that the tree of {@code log} at {@code newSize} extends the one at {@code oldSize}. */
    public ConsistencyProof consistencyProof(String log, long oldSize, long newSize) {
        checkName(log);
        if (oldSize < 0 || oldSize > newSize) {
            throw outOfRange("old size " + oldSize + " is not between 0 and new size " + newSize);
        }
        awaitStored(log);
        requireWithinLog(log, newSize);
        return ProofGenerator.consistency(store(log), oldSize, newSize);
    }

    /** A copy of the entry at {@code index} of {@code log}. */
    public byte[] entry(String log, long index) {
        checkName(log);
        awaitStored(log);
        if (index < 0) {
            throw outOfRange("a leaf index cannot be negative: " + index);
        }
        byte @Nullable [] data = read(c -> LogReads.entry(c, log, index));
        if (data == null) {
            requireWithinLog(log, index + 1);
            throw new TrustException(TrustError.LOG_INCONSISTENT, "log " + log + " lost entry " + index);
        }
        return data;
    }

    /**
     * Checks that the stored log agrees with itself: every perfect subtree of its frontier is
     * stored with the same hash, and no leaf lies beyond its size. Throws {@link
     * TrustError#LOG_INCONSISTENT} otherwise. Reads a few rows, whatever the size of the log.
     */
    public void checkConsistency(String log) {
        checkName(log);
        awaitStored(log);
        readSnapshot(c -> {
            Frontier frontier = LogStates.readState(c, log, false).orElseThrow(() -> unknown(log));
            LogConsistency.check(log, frontier, LogReads.fetch(c, log, frontier.keys()));
            if (LogReads.hasLeavesFrom(c, log, frontier.size())) {
                throw new TrustException(TrustError.LOG_INCONSISTENT, "log " + log + " has leaves beyond its size");
            }
            return null;
        });
    }

    /** Stops the writer of journaled {@code log} as a killed process would; for tests of recovery. */
    void halt(String log) throws Exception {
        if (writers.remove(log) instanceof JournaledLogWriter writer) {
            writer.halt();
        }
    }

    /** Writes every append already accepted, then refuses new ones. */
    @PreDestroy
    public synchronized void close() throws InterruptedException {
        closed = true;
        for (LogAppender writer : writers.values()) {
            writer.close();
        }
    }

    // Synchronized with close() so that no writer can start unseen while the others are closing.
    private synchronized LogAppender startWriter(String log) {
        if (closed) {
            throw new IllegalStateException("the transparency logs are shut down");
        }
        LongConsumer committed = size -> committedSizes.merge(log, size, Math::max);
        if (journalRoot != null && journaled.contains(log)) {
            return new JournaledLogWriter(
                    log, dataSource, journalRoot.resolve(log), segmentBytes, maxBatch, committed, meters);
        }
        if (journalRoot != null && Files.isDirectory(journalRoot.resolve(log))) {
            try {
                JournaledLogWriter.handBack(log, dataSource, journalRoot.resolve(log), segmentBytes);
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(
                        "log " + log
                                + " was journaled locally and its journal cannot be stored now; nothing was written",
                        e);
            }
        }
        return new LogWriter(log, dataSource, maxBatch, committed, meters);
    }

    private void requireWithinLog(String log, long size) {
        Long known = committedSizes.get(log);
        if ((known == null || size > known) && size > treeHead(log).size()) {
            throw outOfRange("log " + log + " has fewer than " + size + " entries");
        }
    }

    private SubtreeStore store(String log) {
        return keys -> read(c -> LogReads.fetch(c, log, keys));
    }

    // Several reads that must agree with each other: one read-only transaction that sees one
    // snapshot, so that a group commit landing between them is not taken for an inconsistency.
    private <T extends @Nullable Object> T readSnapshot(SqlFunction<T> queries) {
        try (Connection c = dataSource.getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return queries.apply(c);
            } finally {
                c.rollback(); // read-only: ending the transaction either way changes nothing
                c.setTransactionIsolation(isolation);
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the transparency logs", e);
        }
    }

    private <T extends @Nullable Object> T read(SqlFunction<T> query) {
        try (Connection c = dataSource.getConnection()) {
            return query.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the transparency logs", e);
        }
    }

    private static void checkName(String log) {
        if (!NAME.matcher(log).matches()) {
            throw new TrustException(TrustError.INVALID_ARGUMENT, "a log name must match " + NAME + ": " + log);
        }
    }

    private static TrustException unknown(String log) {
        return new TrustException(TrustError.UNKNOWN_LOG, "no log is named " + log);
    }

    private static TrustException outOfRange(String message) {
        return new TrustException(TrustError.TREE_SIZE_OUT_OF_RANGE, message);
    }

    @FunctionalInterface
    private interface SqlFunction<T extends @Nullable Object> {
        T apply(Connection c) throws SQLException;
    }
}
