package tw.smartgov.trust.log;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.MerkleHash;

/**
 * The writer of a log that is journaled locally ({@link TransparencyLogs#journalLocally}): an
 * append is acknowledged once its batch is durable in the log's {@link LogJournal} (one local
 * flush), and copied into the database right after by a second thread, in group commits of
 * whatever has been journaled meanwhile. The database stays the system of record, a few
 * milliseconds behind: {@link #awaitStored} waits for it to catch up.
 *
 * <p>Because acknowledged entries may exist only in the journal, the writer first claims the log
 * in the database (its state row names the journal's owner): no other writer may move the log
 * until {@link #handBack} gives it back, when the journal is switched off. On start it copies into the database whatever its
 * journal holds beyond the database's size, before it takes new appends. While the database is
 * unreachable the journal keeps acknowledging appends, up to {@link #MAX_BEHIND_BYTES} of them;
 * beyond that appends fail until the database catches up. A failed journal write stops the
 * writer: every later append fails, what was acknowledged is still copied.
 */
final class JournaledLogWriter implements LogAppender {
    private static final Logger log = LoggerFactory.getLogger(JournaledLogWriter.class);

    /** How much acknowledged data may wait for the database before appends are refused. */
    static final long MAX_BEHIND_BYTES = 64L << 20;

    private static final Duration STORE_WAIT = Duration.ofSeconds(30);
    private static final Duration RETRY_MAX = Duration.ofSeconds(5);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    private static final Duration COPY_DELAY = Duration.ofMillis(10);

    private record Pending(byte[] data, LogWriter.@Nullable Attached<?> attached, CompletableFuture<Long> index) {}

    /** A journaled batch, acknowledged, waiting for the database. */
    private record Journaled(
            long first,
            List<byte[]> hashes,
            List<byte[]> data,
            List<LogStore.Node> nodes,
            List<RowValues> rows,
            Frontier after,
            Instant appendedAt,
            long bytes) {}

    private final String name;
    private final DataSource dataSource;
    private final Path directory;
    private final int segmentBytes;
    private final int maxBatch;
    private final LongConsumer storedSizes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Journaled> toStore = new LinkedBlockingQueue<>();
    private final AtomicLong behindBytes = new AtomicLong();
    private final CommitMeters meters;
    private final Object progress = new Object();
    private final Thread journalThread;
    private final Thread storeThread;
    private volatile boolean closing;
    private volatile boolean ready;
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean halted;
    private volatile boolean journalDone;
    private volatile @Nullable RuntimeException broken;
    private long journaledSize; // guarded by progress
    private long storedSize; // guarded by progress
    // owned by the journal thread
    private volatile @Nullable LogJournal journal;
    private @Nullable Frontier frontier;
    private volatile @Nullable Boolean postgresql;
    private @Nullable Connection storeConnection; // the store thread's

    JournaledLogWriter(
            String name,
            DataSource dataSource,
            Path directory,
            int segmentBytes,
            int maxBatch,
            LongConsumer storedSizes,
            @Nullable MeterRegistry meterRegistry) {
        this(name, dataSource, directory, segmentBytes, maxBatch, storedSizes, meterRegistry, true);
    }

    private JournaledLogWriter(
            String name,
            DataSource dataSource,
            Path directory,
            int segmentBytes,
            int maxBatch,
            LongConsumer storedSizes,
            @Nullable MeterRegistry meterRegistry,
            boolean run) {
        this.name = name;
        this.dataSource = dataSource;
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.maxBatch = maxBatch;
        this.storedSizes = storedSizes;
        this.meters = CommitMeters.registerJournaled(meterRegistry, name, queue, this::behind);
        this.journalThread = thread("transparency-log-journal-" + name, this::journalLoop, run);
        this.storeThread = thread("transparency-log-store-" + name, this::storeLoop, run);
    }

    @Override
    public CompletableFuture<Long> submit(byte[] data, LogWriter.@Nullable Attached<?> attached) {
        Pending pending = new Pending(data, attached, new CompletableFuture<>());
        RuntimeException failure = broken;
        if (failure != null) {
            pending.index().completeExceptionally(failure);
        } else if (closing) {
            pending.index().completeExceptionally(closed());
        } else {
            queue.add(pending);
            if (ready) {
                writeQueued();
            }
        }
        return pending.index();
    }

    // The appending thread writes the journal itself, with whatever else is queued: a hand-off to
    // another thread costs a wake-up on the critical path (on an idle virtual machine, a parked
    // platform thread took about as long to wake as the flush, and a virtual thread per append made
    // the flushes stall the carriers that send responses). Whoever holds the lock writes; the
    // others' appends are in its batch or, if they came during its write, in its next one, as it
    // looks at the queue again after unlocking. A caller with something to send first (a response)
    // sends it before it appends.
    private void writeQueued() {
        while (!queue.isEmpty() && writing.tryLock()) {
            try {
                List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
                queue.drainTo(batch, maxBatch);
                if (!batch.isEmpty()) {
                    journal(batch);
                }
            } finally {
                writing.unlock();
            }
        }
    }

    @Override
    public void awaitStored() {
        long deadline = System.nanoTime() + STORE_WAIT.toNanos();
        synchronized (progress) {
            long target = journaledSize;
            while (storedSize < target) {
                RuntimeException failure = broken;
                if (failure != null) {
                    throw failure;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("log " + name + ": the database is " + (target - storedSize)
                            + " entries behind the journal after " + STORE_WAIT.toSeconds() + " s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for log " + name, e);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        journalThread.join();
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.index().completeExceptionally(closed()));
        storeThread.join();
        LogJournal opened = journal;
        if (opened == null) {
            return;
        }
        long behind = behind();
        if (behind > 0) {
            log.warn(
                    "log {}: {} acknowledged entries are only in the journal {}; they are stored at the next start",
                    name,
                    behind,
                    directory);
        }
        try {
            opened.close();
        } catch (IOException e) {
            log.warn("log {}: closing the journal failed", name, e);
        }
    }

    /**
     * Gives {@code log} back to writers without a journal, after storing what its journal in
     * {@code directory} holds beyond the database: for a log whose journal was switched off. Does
     * nothing when the log is not claimed by that journal.
     */
    static void handBack(String log, DataSource dataSource, Path directory, int segmentBytes)
            throws IOException, SQLException {
        var writer = new JournaledLogWriter(log, dataSource, directory, segmentBytes, 1, size -> {}, null, false);
        try (LogJournal journal = LogJournal.open(directory, segmentBytes)) {
            writer.journal = journal;
            String claimedBy;
            try (Connection c = dataSource.getConnection()) {
                claimedBy = LogStore.journalOwner(c, log);
            }
            if (!journal.owner().equals(claimedBy)) {
                return;
            }
            writer.start();
            try (Connection c = dataSource.getConnection()) {
                LogStore.release(c, log, journal.owner());
            }
            JournaledLogWriter.log.info(
                    "log {}: its journal {} is switched off; the log is written directly again", log, directory);
        }
    }

    /**
     * Stops as a killed process would: the journal keeps what it acknowledged, the database gets
     * nothing more, the log stays claimed. For tests of recovery.
     */
    void halt() throws InterruptedException, IOException {
        halted = true;
        closing = true;
        journalThread.join();
        storeThread.join();
        LogJournal opened = journal;
        if (opened != null) {
            opened.close();
        }
    }

    private long behind() {
        synchronized (progress) {
            return journaledSize - storedSize;
        }
    }

    // --- the journal thread

    // Starts the writer (claim and recovery, retried while the database is unreachable), then only
    // writes what appenders left queued, if any, until closing.
    private void journalLoop() {
        try {
            Duration retry = Duration.ofMillis(100);
            while (!ready && !closing) {
                try {
                    start();
                    ready = true;
                } catch (IOException | SQLException | RuntimeException e) {
                    log.warn("log {}: cannot start its journal in {}: {}", name, directory, e.toString());
                    failQueued(startFailure(e));
                    if (!sleep(retry)) {
                        return;
                    }
                    retry = longer(retry);
                }
            }
            while (ready) {
                writeQueued();
                if (closing) {
                    writing.lock(); // waits for an appender's write in progress
                    writing.unlock();
                    if (queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                sleep(Duration.ofMillis(20));
            }
        } finally {
            journalDone = true;
        }
    }

    /** Opens the journal, claims the log and stores what the journal has beyond the database. */
    private void start() throws IOException, SQLException {
        if (journal == null) {
            journal = LogJournal.open(directory, segmentBytes);
        }
        LogJournal opened = journal;
        Frontier state;
        int recovered;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LogStore.createIfAbsent(c, name, Instant.now());
                state = LogStore.readState(c, name, true)
                        .orElseThrow(
                                () -> new TrustException(TrustError.LOG_INCONSISTENT, "log " + name + " vanished"));
                if (!LogStore.claim(c, name, opened.owner())) {
                    String owner = LogStore.journalOwner(c, name);
                    throw LogWriter.journaledElsewhere(name, owner == null ? "?" : owner);
                }
                LogConsistency.check(name, state, LogStore.fetch(c, name, state.keys()));
                List<LogJournal.Record> missing = missingFrom(opened.readAll(), state.size());
                recovered = missing.size();
                if (!missing.isEmpty()) {
                    Journaled batch = extend(state, missing);
                    storeInTransaction(c, batch, opened.owner());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        opened.startAt(state.size());
        frontier = state;
        synchronized (progress) {
            journaledSize = state.size();
            storedSize = state.size();
        }
        storedSizes.accept(state.size());
        if (recovered > 0) {
            log.info("log {}: stored {} entries its journal acknowledged before the last stop", name, recovered);
        }
    }

    /** The journal's records from {@code size} on, which must follow each other without a gap. */
    private List<LogJournal.Record> missingFrom(List<LogJournal.Record> records, long size) {
        List<LogJournal.Record> missing =
                records.stream().filter(r -> r.index() >= size).toList();
        for (int i = 0; i < missing.size(); i++) {
            if (missing.get(i).index() != size + i) {
                throw new TrustException(
                        TrustError.LOG_INCONSISTENT,
                        "the journal of log " + name + " in " + directory + " lacks entry " + (size + i)
                                + " while holding later ones; the database has " + size);
            }
        }
        return missing;
    }

    private void journal(List<Pending> batch) {
        RuntimeException failure = journalDone ? closed() : broken;
        if (failure == null && behindBytes.get() > MAX_BEHIND_BYTES) {
            failure = new IllegalStateException("log " + name + ": the database is " + (behindBytes.get() >> 20)
                    + " MB behind the journal; appends are refused until it catches up");
        }
        if (failure != null) {
            for (Pending p : batch) {
                p.index().completeExceptionally(failure);
            }
            return;
        }
        Frontier tree = requireNonNull(frontier);
        LogJournal opened = requireNonNull(journal);
        Instant now = Instant.now();
        long first = tree.size();
        List<Pending> accepted = new ArrayList<>(batch.size());
        List<LogJournal.Record> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            long index = first + accepted.size();
            try {
                RowValues rows = p.attached() == null ? null : p.attached().evaluate(index);
                records.add(new LogJournal.Record(index, now, p.data(), rows));
                accepted.add(p);
            } catch (RuntimeException e) {
                p.index().completeExceptionally(e);
            }
        }
        if (records.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            opened.write(records);
        } catch (IOException | RuntimeException e) {
            RuntimeException stop = new IllegalStateException(
                    "log " + name + ": writing its journal in " + directory + " failed; no further appends", e);
            broken = stop;
            log.error("log {}: writing its journal failed; appends stop until a restart", name, e);
            accepted.forEach(p -> p.index().completeExceptionally(stop));
            return;
        }
        meters.journaled(System.nanoTime() - started);
        synchronized (progress) {
            journaledSize = first + records.size();
        }
        for (int i = 0; i < accepted.size(); i++) {
            accepted.get(i).index().complete(first + i);
        }
        // the leaf hashes and subtrees are the database's business: computed once the appenders go on
        Journaled journaled = extend(tree, records);
        behindBytes.addAndGet(journaled.bytes());
        toStore.add(journaled);
    }

    /** Appends {@code records}' leaves to {@code tree}: what the database will get for them. */
    private static Journaled extend(Frontier tree, List<LogJournal.Record> records) {
        long first = tree.size();
        List<byte[]> hashes = new ArrayList<>(records.size());
        List<byte[]> data = new ArrayList<>(records.size());
        List<LogStore.Node> nodes = new ArrayList<>(records.size() + 64);
        List<RowValues> rows = new ArrayList<>(records.size());
        long bytes = 0;
        for (LogJournal.Record record : records) {
            byte[] hash = MerkleHash.leafHash(record.data());
            hashes.add(hash);
            data.add(record.data());
            if (record.rows() != null) {
                rows.add(record.rows());
            }
            tree.append(hash, (key, node) -> nodes.add(new LogStore.Node(key, node)));
            bytes += record.encodedSize();
        }
        Frontier after = Frontier.fromBytes(tree.toBytes());
        return new Journaled(
                first, hashes, data, nodes, rows, after, records.getLast().appendedAt(), bytes);
    }

    private void failQueued(RuntimeException failure) {
        List<Pending> failed = new ArrayList<>();
        queue.drainTo(failed);
        failed.forEach(p -> p.index().completeExceptionally(failure));
    }

    private RuntimeException startFailure(Exception e) {
        return e instanceof RuntimeException r
                ? r
                : new IllegalStateException("log " + name + " cannot start its journal; nothing was written", e);
    }

    // --- the store thread

    private void storeLoop() {
        try {
            storeUntilDone();
        } finally {
            returnStoreConnection();
        }
    }

    private void storeUntilDone() {
        List<Journaled> waiting = new ArrayList<>();
        Duration retry = Duration.ofMillis(100);
        long giveUpAt = Long.MAX_VALUE;
        while (!halted) {
            if (waiting.isEmpty()) {
                Journaled next = takeToStore();
                if (next == null) {
                    if (journalDone && toStore.isEmpty()) {
                        return;
                    }
                    prepareSpare();
                    continue;
                }
                waiting.add(next);
                if (!journalDone) {
                    // copies wait a little: the exchange that journaled this batch is still running,
                    // and a database write now would share the disk with its other flushes; later
                    // copies also carry more records each
                    sleep(COPY_DELAY);
                }
            }
            toStore.drainTo(waiting);
            List<Journaled> parts = waiting.subList(0, mergeable(waiting));
            Journaled merged = merge(parts);
            try {
                long started = System.nanoTime();
                store(merged);
                meters.committed(merged.hashes().size(), System.nanoTime() - started);
                stored(merged);
                parts.clear();
                releaseStored();
                prepareSpare(); // under steady load the thread is never idle: make the next segment here
                retry = Duration.ofMillis(100);
            } catch (SQLException | RuntimeException e) {
                if (e instanceof TrustException t) {
                    broken = t;
                    log.error(
                            "log {}: {}; its journal keeps {} entries for the next start",
                            name,
                            t.getMessage(),
                            behind());
                    return;
                }
                log.warn(
                        "log {}: storing {} journaled entries failed, retrying in {} ms: {}",
                        name,
                        merged.hashes().size(),
                        retry.toMillis(),
                        e.toString());
                meters.rolledBack(merged.hashes().size());
                if (journalDone && giveUpAt == Long.MAX_VALUE) {
                    giveUpAt = System.nanoTime() + CLOSE_GRACE.toNanos();
                }
                if (System.nanoTime() > giveUpAt || !sleep(retry)) {
                    return;
                }
                retry = longer(retry);
            }
        }
    }

    private @Nullable Journaled takeToStore() {
        try {
            return toStore.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** How many of the {@code waiting} batches one group commit stores: at least one. */
    private int mergeable(List<Journaled> waiting) {
        int count = 1;
        int entries = waiting.getFirst().hashes().size();
        while (count < waiting.size() && entries + waiting.get(count).hashes().size() <= maxBatch) {
            entries += waiting.get(count).hashes().size();
            count++;
        }
        return count;
    }

    /** Consecutive batches as one. */
    private static Journaled merge(List<Journaled> parts) {
        Journaled first = parts.getFirst();
        if (parts.size() == 1) {
            return first;
        }
        int entries = parts.stream().mapToInt(p -> p.hashes().size()).sum();
        List<byte[]> hashes = new ArrayList<>(entries);
        List<byte[]> data = new ArrayList<>(entries);
        List<LogStore.Node> nodes = new ArrayList<>();
        List<RowValues> rows = new ArrayList<>(entries);
        long bytes = 0;
        for (Journaled part : parts) {
            hashes.addAll(part.hashes());
            data.addAll(part.data());
            nodes.addAll(part.nodes());
            rows.addAll(part.rows());
            bytes += part.bytes();
        }
        Journaled last = parts.getLast();
        return new Journaled(first.first(), hashes, data, nodes, rows, last.after(), last.appendedAt(), bytes);
    }

    // On PostgreSQL the copies commit without waiting for the database's flush
    // (synchronous_commit off, on a connection the store thread keeps): the journal already made
    // them durable, and a second flush per batch on the same disk would queue behind, and in
    // front of, the journal's own. A journal segment is deleted only after a flushed commit
    // (flushDatabase) has made every copy in it durable in the database too.
    private void store(Journaled batch) throws SQLException {
        String owner = requireNonNull(journal).owner();
        Connection c = storeConnection();
        try {
            if (onPostgresql(c)) {
                if (!LogStore.appendInOneStatement(
                        c,
                        name,
                        batch.first(),
                        batch.after(),
                        batch.hashes(),
                        batch.data(),
                        batch.nodes(),
                        batch.rows(),
                        owner,
                        batch.appendedAt())) {
                    throw moved(c, owner);
                }
                return;
            }
            c.setAutoCommit(false);
            try {
                storeInTransaction(c, batch, owner);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            dropStoreConnection();
            throw e;
        }
    }

    private Connection storeConnection() throws SQLException {
        Connection c = storeConnection;
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
        storeConnection = c;
        return c;
    }

    /** Makes every copy committed so far durable in the database: one commit that waits for the flush. */
    private void flushDatabase() throws SQLException {
        Connection c = storeConnection();
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
            dropStoreConnection();
            throw e;
        }
    }

    private void dropStoreConnection() {
        Connection c = storeConnection;
        storeConnection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("log {}: closing a failed connection: {}", name, e.toString());
            }
        }
    }

    private void returnStoreConnection() {
        Connection c = storeConnection;
        storeConnection = null;
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

    /** Deletes the journal segments whose every entry is durable in the database. */
    private void releaseStored() {
        LogJournal opened = requireNonNull(journal);
        if (opened.fullSegments() == 0) {
            return;
        }
        long size;
        synchronized (progress) {
            size = storedSize;
        }
        try {
            flushDatabase();
            opened.release(size);
        } catch (SQLException | IOException e) {
            log.warn("log {}: deleting stored journal segments failed, kept for now: {}", name, e.toString());
        }
    }

    private void storeInTransaction(Connection c, Journaled batch, String owner) throws SQLException {
        if (!LogStore.updateStateIfSize(c, name, batch.after(), batch.first(), owner, batch.appendedAt())) {
            throw moved(c, owner);
        }
        LogStore.insertBatch(
                c, name, batch.first(), batch.hashes(), batch.data(), batch.nodes(), batch.rows(), batch.appendedAt());
    }

    // The log's state is no longer where this writer left it: someone took the log from its
    // journal, or the database lost copies it had acknowledged (a crash after asynchronous commits).
    private TrustException moved(Connection c, String owner) throws SQLException {
        String claimedBy = LogStore.journalOwner(c, name);
        if (owner.equals(claimedBy)) {
            return new TrustException(
                    TrustError.LOG_INCONSISTENT,
                    "log " + name + ": the database no longer has the state this journal stored (did it crash and"
                            + " lose its latest commits?); restart this node to store them again from the journal");
        }
        return LogWriter.journaledElsewhere(name, claimedBy == null ? "(none)" : claimedBy);
    }

    private void stored(Journaled merged) {
        long size = merged.after().size();
        int count = merged.hashes().size();
        synchronized (progress) {
            storedSize = size;
            progress.notifyAll();
        }
        behindBytes.addAndGet(-merged.bytes());
        storedSizes.accept(size);
        log.trace("log {}: stored {} journaled entries up to {}", name, count, size);
    }

    private void prepareSpare() {
        LogJournal opened = journal;
        if (opened != null && broken == null) {
            try {
                opened.prepareSpare();
            } catch (IOException e) {
                log.warn("log {}: preparing the next journal segment failed: {}", name, e.toString());
            }
        }
    }

    private boolean onPostgresql(Connection c) throws SQLException {
        if (postgresql == null) {
            postgresql = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        }
        return postgresql;
    }

    private static Thread thread(String name, Runnable task, boolean start) {
        var builder = Thread.ofPlatform().name(name).daemon(true);
        return start ? builder.start(task) : builder.unstarted(task);
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration longer(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : doubled;
    }

    private static <T> T requireNonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("the journal has not been started");
        }
        return value;
    }

    private IllegalStateException closed() {
        return new IllegalStateException("log " + name + " is shut down; the append was not written");
    }
}
