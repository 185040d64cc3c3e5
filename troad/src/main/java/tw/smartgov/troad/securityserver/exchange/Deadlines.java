package tw.smartgov.troad.securityserver.exchange;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the waits of an exchange without a timer per wait. A timed wait on a virtual thread
 * schedules its timeout with the virtual-thread scheduler, waking its timer thread to do so and
 * again to cancel it: several times per exchange, that cost more CPU than the waits' own work. Here
 * a bounded wait joins the queue of its timeout (the waits of one timeout expire in the order they
 * began), and one daemon thread checks the queues every {@link #TICK}, running the expiry action
 * of each wait not done by its deadline. Waiters then wait without a timeout. Deadlines are
 * honoured within one tick. Thread-safe.
 */
public final class Deadlines implements AutoCloseable {
    public static final Duration TICK = Duration.ofMillis(20);
    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

    private record Wait(long deadline, CompletableFuture<?> done, Runnable onExpiry) {}

    private final Map<Duration, Queue<Wait>> queues = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean closed;

    public Deadlines(String name) {
        this.watcher =
                Thread.ofPlatform().name("deadlines-" + name).daemon(true).start(this::watch);
    }

    /**
     * Fails {@code future} with a {@link TimeoutException} unless it is done within {@code timeout}.
     *
     * @return {@code future}, to be waited for without a timeout
     */
    public <T> CompletableFuture<T> bound(CompletableFuture<T> future, Duration timeout) {
        return bound(future, timeout, () -> future.completeExceptionally(new TimeoutException("after " + timeout)));
    }

    /** Runs {@code onExpiry} unless {@code done} is done within {@code timeout}. */
    public <T> CompletableFuture<T> bound(CompletableFuture<T> done, Duration timeout, Runnable onExpiry) {
        if (done.isDone()) { // e.g. a lone message signed on the caller's thread: nothing to watch
            return done;
        }
        if (closed) {
            onExpiry.run();
            return done;
        }
        queues.computeIfAbsent(timeout, t -> new ConcurrentLinkedQueue<>())
                .add(new Wait(System.nanoTime() + timeout.toNanos(), done, onExpiry));
        if (closed) { // closed meanwhile: the watcher may have ended before seeing this wait
            expire(Long.MAX_VALUE);
        }
        return done;
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                break;
            }
            expire(System.nanoTime());
        }
        expire(Long.MAX_VALUE); // nobody waits for ever on a closed server
    }

    // Each queue is in deadline order, so expiry stops at the first wait still in time; waits done
    // early are dropped wherever they are, so that a long wait does not keep the finished ones
    // behind it (and what their expiry actions hold) until its own deadline.
    private void expire(long now) {
        for (Queue<Wait> queue : queues.values()) {
            for (Wait head; (head = queue.peek()) != null; ) {
                if (!head.done().isDone() && now - head.deadline() < 0) {
                    break;
                }
                queue.poll();
                if (!head.done().isDone()) {
                    try {
                        head.onExpiry().run();
                    } catch (RuntimeException e) {
                        log.warn("an expired wait could not be ended", e);
                    }
                }
            }
            queue.removeIf(wait -> wait.done().isDone());
        }
    }

    /** How many waits are being watched; for tests. */
    public int watched() {
        return queues.values().stream().mapToInt(Queue::size).sum();
    }

    /** Ends every wait still pending at once, as if expired. */
    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
        try {
            watcher.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
