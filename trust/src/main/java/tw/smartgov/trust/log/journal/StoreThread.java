package tw.smartgov.trust.log.journal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.log.writer.CommitMeters;

/**
 * The store thread of a journaled log: copies the journaled batches into the database, a little
 * after they were journaled, in group commits of whatever was journaled meanwhile; deletes the
 * journal segments the database holds; makes the next segment ahead of time. Retries with a
 * back-off while the database fails; stops the log's appends when it finds the log's state moved.
 */
final class StoreThread implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(JournaledLogWriter.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    private static final Duration COPY_DELAY = Duration.ofMillis(10);

    private final WriterState state;
    private final BlockingQueue<JournaledBatch> toStore;
    private final int maxBatch;
    private final CommitMeters meters;
    private final StoreConnection connection;
    private final LongConsumer storedSizes;
    private Duration retry = Retries.FIRST;
    private long giveUpAt = Long.MAX_VALUE;

    StoreThread(
            WriterState state,
            BlockingQueue<JournaledBatch> toStore,
            int maxBatch,
            CommitMeters meters,
            StoreConnection connection,
            LongConsumer storedSizes) {
        this.state = state;
        this.toStore = toStore;
        this.maxBatch = maxBatch;
        this.meters = meters;
        this.connection = connection;
        this.storedSizes = storedSizes;
    }

    @Override
    public void run() {
        try {
            storeUntilDone();
        } finally {
            connection.giveBack();
        }
    }

    private void storeUntilDone() {
        List<JournaledBatch> waiting = new ArrayList<>();
        while (!state.halted()) {
            if (waiting.isEmpty()) {
                JournaledBatch next = takeToStore();
                if (next == null) {
                    if (state.isJournalDone() && toStore.isEmpty()) {
                        return;
                    }
                    prepareSpare();
                    continue;
                }
                waiting.add(next);
                if (!state.isJournalDone()) {
                    // copies wait a little: the exchange that journaled this batch is still running,
                    // and a database write now would share the disk with its other flushes; later
                    // copies also carry more records each
                    Retries.sleep(COPY_DELAY);
                }
            }
            toStore.drainTo(waiting);
            List<JournaledBatch> parts = waiting.subList(0, JournaledBatch.mergeable(waiting, maxBatch));
            JournaledBatch merged = JournaledBatch.merge(parts);
            try {
                store(merged);
                parts.clear();
                releaseStored();
                prepareSpare(); // under steady load the thread is never idle: make the next segment here
                retry = Retries.FIRST;
            } catch (SQLException | RuntimeException e) {
                if (!retryAfter(e, merged)) {
                    return;
                }
            }
        }
    }

    private @Nullable JournaledBatch takeToStore() {
        try {
            return toStore.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void store(JournaledBatch merged) throws SQLException {
        long started = System.nanoTime();
        connection.store(merged, state.journal().owner());
        meters.committed(merged.entries(), System.nanoTime() - started);
        long size = merged.after().size();
        state.progress.stored(size, merged.bytes());
        storedSizes.accept(size);
        log.trace("log {}: stored {} journaled entries up to {}", state.log, merged.entries(), size);
    }

    /** False when the thread should stop: the log's state moved, or the database stayed down. */
    private boolean retryAfter(Exception e, JournaledBatch merged) {
        if (e instanceof TrustException t) {
            state.breakWith(t);
            log.error(
                    "log {}: {}; its journal keeps {} entries for the next start",
                    state.log,
                    t.getMessage(),
                    state.progress.behind());
            return false;
        }
        log.warn(
                "log {}: storing {} journaled entries failed, retrying in {} ms: {}",
                state.log,
                merged.entries(),
                retry.toMillis(),
                e.toString());
        meters.rolledBack(merged.entries());
        if (state.isJournalDone() && giveUpAt == Long.MAX_VALUE) {
            giveUpAt = System.nanoTime() + CLOSE_GRACE.toNanos();
        }
        if (System.nanoTime() > giveUpAt || !Retries.sleep(retry)) {
            return false;
        }
        retry = Retries.longer(retry);
        return true;
    }

    /** Deletes the journal segments whose every entry is durable in the database. */
    private void releaseStored() {
        LogJournal opened = state.journal();
        if (opened.fullSegments() == 0) {
            return;
        }
        long size = state.progress.storedSize();
        try {
            connection.flushDatabase();
            opened.release(size);
        } catch (SQLException | IOException e) {
            log.warn("log {}: deleting stored journal segments failed, kept for now: {}", state.log, e.toString());
        }
    }

    private void prepareSpare() {
        LogJournal opened = state.openedJournal();
        if (opened != null && state.broken() == null) {
            try {
                opened.prepareSpare();
            } catch (IOException e) {
                log.warn("log {}: preparing the next journal segment failed: {}", state.log, e.toString());
            }
        }
    }
}
