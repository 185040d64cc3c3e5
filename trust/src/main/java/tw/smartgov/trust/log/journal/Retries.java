package tw.smartgov.trust.log.journal;

import java.time.Duration;

/** The back-off of a journaled log's threads while the database or the journal is unavailable. */
final class Retries {
    static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    private Retries() {}

    /** Twice {@code retry}, at most 5 s. */
    static Duration longer(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(MAX) > 0 ? MAX : doubled;
    }

    /** Sleeps; false, with the thread's interrupt flag set, when interrupted. */
    static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
