package tw.smartgov.trust.log.writer;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.log.store.LogConsistency;
import tw.smartgov.trust.log.store.LogReads;
import tw.smartgov.trust.log.store.LogRows;
import tw.smartgov.trust.log.store.LogStates;
import tw.smartgov.trust.log.store.Node;
import tw.smartgov.trust.log.store.PostgresAppend;
import tw.smartgov.trust.log.store.RowValues;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.MerkleHash;

/**
 * The single writer of one log in this process: a thread that drains the queue of appends and
 * writes up to {@code maxBatch} of them per transaction (group commit), so that one fsync makes a
 * whole batch durable. Futures complete only after their transaction committed; when it fails,
 * every future of the batch fails and the rollback leaves no trace of it.
 */
public final class LogWriter implements LogAppender {
    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);

    private record Pending(byte[] data, @Nullable Attachment attached, CompletableFuture<Long> index) {}

    private final String name;
    private final DataSource dataSource;
    private final int maxBatch;
    private final LongConsumer committedSize;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final CommitMeters meters;
    private final Thread thread;
    private volatile boolean closing;
    private boolean stateChecked;
    // The frontier as this writer last committed it. While nobody else appends to the log, the next
    // batch extends it and claims the log with one conditional update instead of first reading the
    // state under a row lock: one round trip less per group commit.
    private @Nullable Frontier committed;
    private @Nullable Boolean postgresql;

    public LogWriter(
            String name,
            DataSource dataSource,
            int maxBatch,
            LongConsumer committedSize,
            @Nullable MeterRegistry meterRegistry) {
        this.name = name;
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.committedSize = committedSize;
        this.meters = CommitMeters.register(meterRegistry, name, queue);
        this.thread = Thread.ofPlatform()
                .name("transparency-log-" + name)
                .daemon(true)
                .start(this::run);
    }

    @Override
    public CompletableFuture<Long> submit(byte[] data, @Nullable Attachment attached) {
        Pending pending = new Pending(data, attached, new CompletableFuture<>());
        if (closing) {
            pending.index().completeExceptionally(closed());
        } else {
            queue.add(pending);
        }
        return pending.index();
    }

    @Override
    public void awaitStored() {
        // an append's future completes only once it is committed
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.join();
        // An append that raced with closing may have slipped in after the last drain.
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.index().completeExceptionally(closed()));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closing || !queue.isEmpty()) {
            Pending first = next();
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
                batch.clear();
            }
        }
    }

    private @Nullable Pending next() {
        try {
            return queue.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            closing = true;
            return null;
        }
    }

    private void write(List<Pending> batch) {
        try {
            long started = System.nanoTime();
            long first = commit(batch);
            meters.committed(batch.size(), System.nanoTime() - started);
            committedSize.accept(first + batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).index().complete(first + i);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("a batch of {} appends to log {} was rolled back", batch.size(), name, e);
            meters.rolledBack(batch.size());
            RuntimeException failure = e instanceof TrustException t
                    ? t
                    : new IllegalStateException("appending to log " + name + " failed; nothing was written", e);
            batch.forEach(p -> p.index().completeExceptionally(failure));
        }
    }

    private long commit(List<Pending> batch) throws SQLException {
        Frontier known = committed;
        committed = null; // until this batch is committed: a failed one leaves it unknown
        try (Connection c = dataSource.getConnection()) {
            if (known != null && onPostgresql(c)) {
                long first = known.size();
                c.setAutoCommit(true);
                if (appendInOneStatement(c, batch, known)) {
                    committed = known;
                    return first;
                }
                // another writer appended since this one last committed: nothing was written, start
                // over from the log's state under its row lock
                known = null;
            }
            c.setAutoCommit(false);
            try {
                Frontier after = append(c, batch, known);
                c.commit();
                committed = after;
                return after.size() - batch.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    // One round trip for the whole group commit: at a moderate rate, each round trip costs the
    // wake-up of an idle database process, which is most of a commit's latency.
    private boolean appendInOneStatement(Connection c, List<Pending> batch, Frontier frontier) throws SQLException {
        long first = frontier.size();
        Extension extension = extend(frontier, batch);
        return PostgresAppend.appendInOneStatement(
                c,
                name,
                first,
                frontier,
                extension.hashes(),
                batch.stream().map(Pending::data).toList(),
                extension.nodes(),
                rowValues(batch, first),
                null,
                Instant.now());
    }

    private boolean onPostgresql(Connection c) throws SQLException {
        if (postgresql == null) {
            postgresql = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        }
        return postgresql;
    }

    /** Appends the batch in the transaction of {@code c}; returns the frontier after it. */
    private Frontier append(Connection c, List<Pending> batch, @Nullable Frontier known) throws SQLException {
        Instant now = Instant.now();
        Frontier frontier = known != null ? known : lockState(c, now);
        long first = frontier.size();
        Extension extension = extend(frontier, batch);
        if (LogStates.updateStateIfSize(c, name, frontier, first, null, now)) {
            insertRows(c, batch, first, extension, now);
            return frontier;
        }
        if (known == null) {
            String owner = LogStates.journalOwner(c, name);
            if (owner != null) {
                throw LogStates.journaledElsewhere(name, owner);
            }
            throw new TrustException(TrustError.LOG_INCONSISTENT, "the state of log " + name + " moved under its lock");
        }
        // another writer appended since this one last committed: start over from its state
        return append(c, batch, null);
    }

    /** The leaf hashes of a batch and the subtrees they completed. */
    private record Extension(List<byte[]> hashes, List<Node> nodes) {}

    /** Appends the batch's leaf hashes to {@code frontier}. */
    private static Extension extend(Frontier frontier, List<Pending> batch) {
        List<byte[]> hashes = new ArrayList<>(batch.size());
        List<Node> nodes = new ArrayList<>(batch.size() + 64);
        for (Pending pending : batch) {
            byte[] hash = MerkleHash.leafHash(pending.data());
            hashes.add(hash);
            frontier.append(hash, (key, node) -> nodes.add(new Node(key, node)));
        }
        return new Extension(hashes, nodes);
    }

    private void insertRows(Connection c, List<Pending> batch, long first, Extension extension, Instant now)
            throws SQLException {
        List<byte[]> data = batch.stream().map(Pending::data).toList();
        LogRows.insertBatch(c, name, first, extension.hashes(), data, extension.nodes(), rowValues(batch, first), now);
    }

    private static List<RowValues> rowValues(List<Pending> batch, long first) {
        List<RowValues> rows = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Attachment attached = batch.get(i).attached();
            if (attached != null) {
                rows.add(attached.rowsAt(first + i));
            }
        }
        return rows;
    }

    // The row lock serializes the writers of this log across every node sharing the database.
    private Frontier lockState(Connection c, Instant now) throws SQLException {
        var state = LogStates.readState(c, name, true);
        if (state.isPresent()) {
            checkOnce(c, state.get());
            return state.get();
        }
        LogStates.createIfAbsent(c, name, now);
        return LogStates.readState(c, name, true)
                .orElseThrow(() -> new TrustException(TrustError.LOG_INCONSISTENT, "log " + name + " vanished"));
    }

    // Before its first append, a writer makes sure it does not extend a log that contradicts itself.
    private void checkOnce(Connection c, Frontier frontier) throws SQLException {
        if (!stateChecked) {
            LogConsistency.check(name, frontier, LogReads.fetch(c, name, frontier.keys()));
            stateChecked = true;
        }
    }

    private IllegalStateException closed() {
        return new IllegalStateException("log " + name + " is shut down; the append was not written");
    }
}
