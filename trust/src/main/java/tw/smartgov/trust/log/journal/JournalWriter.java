package tw.smartgov.trust.log.journal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.log.store.RowValues;
import tw.smartgov.trust.log.writer.Attachment;
import tw.smartgov.trust.log.writer.CommitMeters;
import tw.smartgov.trust.merkle.Frontier;

/**
 * The appending side of a journaled log: queues appends, writes them into the journal in batches
 * (on whichever thread holds the lock), acknowledges them once durable there, and hands each
 * journaled batch to the store thread.
 */
final class JournalWriter {
    private static final Logger log = LoggerFactory.getLogger(JournaledLogWriter.class);

    /** An append waiting for the journal. */
    record Pending(byte[] data, @Nullable Attachment attached, CompletableFuture<Long> index) {}

    private final WriterState state;
    private final BlockingQueue<Pending> queue;
    private final BlockingQueue<JournaledBatch> toStore;
    private final int maxBatch;
    private final CommitMeters meters;
    private final ReentrantLock writing = new ReentrantLock();
    private @Nullable Frontier frontier; // whoever holds the lock extends it

    JournalWriter(
            WriterState state,
            BlockingQueue<Pending> queue,
            BlockingQueue<JournaledBatch> toStore,
            int maxBatch,
            CommitMeters meters) {
        this.state = state;
        this.queue = queue;
        this.toStore = toStore;
        this.maxBatch = maxBatch;
        this.meters = meters;
    }

    /** Once recovered: the log's frontier, which the next append extends. */
    void startFrom(Frontier recovered) {
        frontier = recovered;
    }

    CompletableFuture<Long> submit(byte[] data, @Nullable Attachment attached) {
        Pending pending = new Pending(data, attached, new CompletableFuture<>());
        RuntimeException failure = state.broken();
        if (failure != null) {
            pending.index().completeExceptionally(failure);
        } else if (state.closing()) {
            pending.index().completeExceptionally(state.closed());
        } else {
            queue.add(pending);
            if (state.isReady()) {
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
    void writeQueued() {
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

    /** Waits for an appender's write in progress, if any. */
    void awaitWriteInProgress() {
        writing.lock();
        writing.unlock();
    }

    boolean nothingQueued() {
        return queue.isEmpty();
    }

    /** Fails every queued append, each with what {@code failure} gives. */
    void failQueued(Supplier<RuntimeException> failure) {
        List<Pending> failed = new ArrayList<>();
        queue.drainTo(failed);
        failed.forEach(p -> p.index().completeExceptionally(failure.get()));
    }

    private void journal(List<Pending> batch) {
        RuntimeException refusal = refusal();
        if (refusal != null) {
            batch.forEach(p -> p.index().completeExceptionally(refusal));
            return;
        }
        Frontier tree = requireFrontier();
        LogJournal opened = state.journal();
        long first = tree.size();
        List<Pending> accepted = new ArrayList<>(batch.size());
        List<JournalRecord> records = records(batch, first, Instant.now(), accepted);
        if (records.isEmpty() || !write(opened, records, accepted)) {
            return;
        }
        state.progress.journaled(first + records.size());
        for (int i = 0; i < accepted.size(); i++) {
            accepted.get(i).index().complete(first + i);
        }
        // the leaf hashes and subtrees are the database's business: computed once the appenders go on
        JournaledBatch journaled = JournaledBatch.extend(tree, records);
        state.progress.waiting(journaled.bytes());
        toStore.add(journaled);
    }

    private @Nullable RuntimeException refusal() {
        RuntimeException failure = state.isJournalDone() ? state.closed() : state.broken();
        long behind = state.progress.behindBytes();
        if (failure == null && behind > JournaledLogWriter.MAX_BEHIND_BYTES) {
            failure = new IllegalStateException("log " + state.log + ": the database is " + (behind >> 20)
                    + " MB behind the journal; appends are refused until it catches up");
        }
        return failure;
    }

    /** The batch's records from leaf index {@code first}; an append whose rows fail is failed alone. */
    private static List<JournalRecord> records(List<Pending> batch, long first, Instant now, List<Pending> accepted) {
        List<JournalRecord> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            long index = first + accepted.size();
            try {
                Attachment attached = p.attached();
                RowValues rows = attached == null ? null : attached.rowsAt(index);
                records.add(new JournalRecord(index, now, p.data(), rows));
                accepted.add(p);
            } catch (RuntimeException e) {
                p.index().completeExceptionally(e);
            }
        }
        return records;
    }

    /** Writes the records durably; on failure stops the writer for good and fails {@code accepted}. */
    private boolean write(LogJournal opened, List<JournalRecord> records, List<Pending> accepted) {
        long started = System.nanoTime();
        try {
            opened.write(records);
        } catch (IOException | RuntimeException e) {
            RuntimeException stop = new IllegalStateException(
                    "log " + state.log + ": writing its journal in " + state.directory + " failed; no further appends",
                    e);
            state.breakWith(stop);
            log.error("log {}: writing its journal failed; appends stop until a restart", state.log, e);
            accepted.forEach(p -> p.index().completeExceptionally(stop));
            return false;
        }
        meters.journaled(System.nanoTime() - started);
        return true;
    }

    private Frontier requireFrontier() {
        Frontier tree = frontier;
        if (tree == null) {
            throw new IllegalStateException("the journal has not been started");
        }
        return tree;
    }
}
