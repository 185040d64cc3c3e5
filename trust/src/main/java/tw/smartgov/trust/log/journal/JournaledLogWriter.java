package tw.smartgov.trust.log.journal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.log.store.LogStates;
import tw.smartgov.trust.log.writer.Attachment;
import tw.smartgov.trust.log.writer.CommitMeters;
import tw.smartgov.trust.log.writer.LogAppender;

/**
 * The writer of a log that is journaled locally: an append is acknowledged once its batch is
 * durable in the log's {@link LogJournal} (one local flush, by the {@link JournalWriter}), and
 * copied into the database right after by the {@link StoreThread}, in group commits of whatever
 * has been journaled meanwhile. The database stays the system of record, a few milliseconds
 * behind: {@link #awaitStored} waits for it to catch up.
 *
 * <p>Because acknowledged entries may exist only in the journal, the writer first claims the log
 * in the database (its state row names the journal's owner): no other writer may move the log
 * until {@link #handBack} gives it back, when the journal is switched off. On start (the {@link
 * JournalThread}'s {@link Recovery}) it copies into the database whatever its journal holds beyond
 * the database's size, before it takes new appends. While the database is unreachable the journal
 * keeps acknowledging appends, up to {@link #MAX_BEHIND_BYTES} of them; beyond that appends fail
 * until the database catches up. A failed journal write stops the writer: every later append
 * fails, what was acknowledged is still copied.
 */
public final class JournaledLogWriter implements LogAppender {
    private static final Logger log = LoggerFactory.getLogger(JournaledLogWriter.class);

    /** How much acknowledged data may wait for the database before appends are refused. */
    static final long MAX_BEHIND_BYTES = 64L << 20;

    private static final Duration STORE_WAIT = Duration.ofSeconds(30);

    private final WriterState state;
    private final JournalWriter appends;
    private final Thread journalThread;
    private final Thread storeThread;

    /** Starts the writer of {@code name}, journaled in {@code directory}; its threads recover the log first. */
    public JournaledLogWriter(
            String name,
            DataSource dataSource,
            Path directory,
            int segmentBytes,
            int maxBatch,
            LongConsumer storedSizes,
            @Nullable MeterRegistry meterRegistry) {
        this.state = new WriterState(name, directory);
        BlockingQueue<JournalWriter.Pending> queue = new LinkedBlockingQueue<>();
        BlockingQueue<JournaledBatch> toStore = new LinkedBlockingQueue<>();
        CommitMeters meters = CommitMeters.registerJournaled(meterRegistry, name, queue, state.progress::behind);
        this.appends = new JournalWriter(state, queue, toStore, maxBatch, meters);
        this.journalThread = start(
                "transparency-log-journal-" + name,
                new JournalThread(state, appends, dataSource, segmentBytes, storedSizes));
        this.storeThread = start(
                "transparency-log-store-" + name,
                new StoreThread(state, toStore, maxBatch, meters, new StoreConnection(name, dataSource), storedSizes));
    }

    @Override
    public CompletableFuture<Long> submit(byte[] data, @Nullable Attachment attached) {
        return appends.submit(data, attached);
    }

    @Override
    public void awaitStored() {
        state.progress.awaitStored(state.log, STORE_WAIT, state::broken);
    }

    @Override
    public void close() throws InterruptedException {
        state.close();
        journalThread.join();
        appends.failQueued(state::closed);
        storeThread.join();
        LogJournal opened = state.openedJournal();
        if (opened == null) {
            return;
        }
        long behind = state.progress.behind();
        if (behind > 0) {
            log.warn(
                    "log {}: {} acknowledged entries are only in the journal {}; they are stored at the next start",
                    state.log,
                    behind,
                    state.directory);
        }
        try {
            opened.close();
        } catch (IOException e) {
            log.warn("log {}: closing the journal failed", state.log, e);
        }
    }

    /**
     * Gives {@code log} back to writers without a journal, after storing what its journal in
     * {@code directory} holds beyond the database: for a log whose journal was switched off. Does
     * nothing when the log is not claimed by that journal.
     */
    public static void handBack(String log, DataSource dataSource, Path directory, int segmentBytes)
            throws IOException, SQLException {
        try (LogJournal journal = LogJournal.open(directory, segmentBytes)) {
            String claimedBy;
            try (Connection c = dataSource.getConnection()) {
                claimedBy = LogStates.journalOwner(c, log);
            }
            if (!journal.owner().equals(claimedBy)) {
                return;
            }
            Recovery.recover(log, directory, dataSource, journal);
            try (Connection c = dataSource.getConnection()) {
                LogStates.release(c, log, journal.owner());
            }
            JournaledLogWriter.log.info(
                    "log {}: its journal {} is switched off; the log is written directly again", log, directory);
        }
    }

    /**
     * Stops as a killed process would: the journal keeps what it acknowledged, the database gets
     * nothing more, the log stays claimed. For tests of recovery.
     */
    public void halt() throws InterruptedException, IOException {
        state.halt();
        journalThread.join();
        storeThread.join();
        LogJournal opened = state.openedJournal();
        if (opened != null) {
            opened.close();
        }
    }

    private static Thread start(String name, Runnable task) {
        return Thread.ofPlatform().name(name).daemon(true).start(task);
    }
}
