package tw.smartgov.trust.log;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The single writer of one log in this process; see {@link LogWriter} and {@link JournaledLogWriter}. */
interface LogAppender {
    /** Queues an append; the future completes with its leaf index once it is durable. */
    CompletableFuture<Long> submit(byte[] data, LogWriter.@Nullable Attached<?> attached);

    /** Returns once every append acknowledged so far can be read from the database. */
    void awaitStored();

    /** Writes everything already queued, then stops; later appends fail. */
    void close() throws InterruptedException;
}
