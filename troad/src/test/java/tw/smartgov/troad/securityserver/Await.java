package tw.smartgov.troad.securityserver;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a real condition, polled every 10 ms, instead of sleeping for a guessed time. */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(10);

    private Await() {}

    /** Returns once {@code condition} holds; false if it still does not after {@code timeout}. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return true;
    }

    /** The first value of {@code get} that {@code done} accepts, or the last one after {@code timeout}. */
    public static <T> T value(Supplier<T> get, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = get.get();
        while (!done.test(value) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL.toNanos());
            value = get.get();
        }
        return value;
    }
}
