package tw.smartgov.trust.log.journal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How far a journaled log got: the size its journal acknowledged, the size the database stored,
 * and how many bytes of acknowledged entries wait for the database. Thread-safe.
 */
final class Progress {
    private final Object lock = new Object();
    private final AtomicLong behindBytes = new AtomicLong();
    private long journaledSize; // guarded by lock
    private long storedSize; // guarded by lock

    /** After recovery: the database holds everything the journal acknowledged. */
    void startAt(long size) {
        synchronized (lock) {
            journaledSize = size;
            storedSize = size;
        }
    }

    void journaled(long size) {
        synchronized (lock) {
            journaledSize = size;
        }
    }

    /** A journaled batch of {@code bytes} now waits for the database. */
    void waiting(long bytes) {
        behindBytes.addAndGet(bytes);
    }

    void stored(long size, long bytes) {
        synchronized (lock) {
            storedSize = size;
            lock.notifyAll();
        }
        behindBytes.addAndGet(-bytes);
    }

    long storedSize() {
        synchronized (lock) {
            return storedSize;
        }
    }

    /** Acknowledged entries the database has yet to store. */
    long behind() {
        synchronized (lock) {
            return journaledSize - storedSize;
        }
    }

    long behindBytes() {
        return behindBytes.get();
    }

    /**
     * Returns once the database stored every entry acknowledged so far; throws what {@code broken}
     * gives when the writer stopped, and {@link IllegalStateException} after {@code timeout}.
     */
    void awaitStored(String log, Duration timeout, Supplier<@Nullable RuntimeException> broken) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long target = journaledSize;
            while (storedSize < target) {
                RuntimeException failure = broken.get();
                if (failure != null) {
                    throw failure;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("log " + log + ": the database is " + (target - storedSize)
                            + " entries behind the journal after " + timeout.toSeconds() + " s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for log " + log, e);
                }
            }
        }
    }
}
