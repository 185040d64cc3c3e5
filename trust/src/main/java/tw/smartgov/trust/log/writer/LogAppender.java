package tw.smartgov.trust.log.writer;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The single writer of one log in this process: {@link LogWriter}, or a journaled one. */
public interface LogAppender {
    /** The largest entry a log accepts, in bytes. */
    int MAX_ENTRY_BYTES = 1 << 20;

    /** Queues an append; the future completes with its leaf index once it is durable. */
    CompletableFuture<Long> submit(byte[] data, @Nullable Attachment attached);

    /** Returns once every append acknowledged so far can be read from the database. */
    void awaitStored();

    /** Writes everything already queued, then stops; later appends fail. */
    void close() throws InterruptedException;
}
