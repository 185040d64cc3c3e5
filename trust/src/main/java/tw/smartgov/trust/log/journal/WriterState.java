package tw.smartgov.trust.log.journal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What the appending threads, the journal thread and the store thread of one journaled log share:
 * where it stands in its life, why it stopped if it did, its journal once opened and its {@link
 * Progress}.
 */
final class WriterState {
    final String log;
    final Path directory;
    final Progress progress = new Progress();
    private volatile boolean closing;
    private volatile boolean ready;
    private volatile boolean halted;
    private volatile boolean journalDone;
    private volatile @Nullable RuntimeException broken;
    private volatile @Nullable LogJournal journal;

    WriterState(String log, Path directory) {
        this.log = log;
        this.directory = directory;
    }

    /** Appends are refused from now on; the threads finish what they have. */
    void close() {
        closing = true;
    }

    /** As a killed process: the store thread stops too, whatever it has left. */
    void halt() {
        halted = true;
        closing = true;
    }

    boolean closing() {
        return closing;
    }

    boolean halted() {
        return halted;
    }

    /** Recovery is done: appends are written as they come. */
    void ready() {
        ready = true;
    }

    boolean isReady() {
        return ready;
    }

    /** The journal thread ended: nothing more is journaled. */
    void journalDone() {
        journalDone = true;
    }

    boolean isJournalDone() {
        return journalDone;
    }

    /** Stops appends for good, each failing with {@code failure}. */
    void breakWith(RuntimeException failure) {
        broken = failure;
    }

    @Nullable
    RuntimeException broken() {
        return broken;
    }

    void opened(LogJournal opened) {
        journal = opened;
    }

    @Nullable
    LogJournal openedJournal() {
        return journal;
    }

    /** The journal, which the writer has opened. */
    LogJournal journal() {
        LogJournal opened = journal;
        if (opened == null) {
            throw new IllegalStateException("the journal has not been started");
        }
        return opened;
    }

    IllegalStateException closed() {
        return new IllegalStateException("log " + log + " is shut down; the append was not written");
    }
}
