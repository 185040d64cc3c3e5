package tw.smartgov.trust.log.journal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.merkle.Frontier;

/**
 * The journal thread of a journaled log: starts the writer (opens the journal and runs the {@link
 * Recovery}, retried while the database is unreachable), then only writes what appenders left
 * queued, if any, until closing.
 */
final class JournalThread implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(JournaledLogWriter.class);
    private static final Duration IDLE = Duration.ofMillis(20);

    private final WriterState state;
    private final JournalWriter appends;
    private final DataSource dataSource;
    private final int segmentBytes;
    private final LongConsumer storedSizes;

    JournalThread(
            WriterState state,
            JournalWriter appends,
            DataSource dataSource,
            int segmentBytes,
            LongConsumer storedSizes) {
        this.state = state;
        this.appends = appends;
        this.dataSource = dataSource;
        this.segmentBytes = segmentBytes;
        this.storedSizes = storedSizes;
    }

    @Override
    public void run() {
        try {
            if (startWithRetries()) {
                writeLeftoversUntilClosed();
            }
        } finally {
            state.journalDone();
        }
    }

    /** False when closed (or interrupted) before the writer could start. */
    private boolean startWithRetries() {
        Duration retry = Retries.FIRST;
        while (!state.isReady() && !state.closing()) {
            try {
                start();
                state.ready();
            } catch (IOException | SQLException | RuntimeException e) {
                log.warn("log {}: cannot start its journal in {}: {}", state.log, state.directory, e.toString());
                RuntimeException failure = startFailure(e);
                appends.failQueued(() -> failure);
                if (!Retries.sleep(retry)) {
                    return false;
                }
                retry = Retries.longer(retry);
            }
        }
        return state.isReady();
    }

    private void writeLeftoversUntilClosed() {
        while (true) {
            appends.writeQueued();
            if (state.closing()) {
                appends.awaitWriteInProgress();
                if (appends.nothingQueued()) {
                    return;
                }
                continue;
            }
            Retries.sleep(IDLE);
        }
    }

    /** Opens the journal, claims the log and stores what the journal has beyond the database. */
    private void start() throws IOException, SQLException {
        if (state.openedJournal() == null) {
            state.opened(LogJournal.open(state.directory, segmentBytes));
        }
        Frontier recovered = Recovery.recover(state.log, state.directory, dataSource, state.journal());
        appends.startFrom(recovered);
        state.progress.startAt(recovered.size());
        storedSizes.accept(recovered.size());
    }

    private RuntimeException startFailure(Exception e) {
        return e instanceof RuntimeException r
                ? r
                : new IllegalStateException("log " + state.log + " cannot start its journal; nothing was written", e);
    }
}
