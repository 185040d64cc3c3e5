package tw.smartgov.troad.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @Test
    void aWaitNotDoneByItsDeadlineFailsWithATimeoutAndOneDoneInTimeIsLeftAlone() throws Exception {
        try (var deadlines = new Deadlines("test")) {
            var late = deadlines.bound(new CompletableFuture<String>(), Duration.ofMillis(100));
            var early = deadlines.bound(new CompletableFuture<String>(), Duration.ofMillis(100));
            early.complete("done");
            long start = System.nanoTime();

            assertThatThrownBy(late::get)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(waited).isBetween(50L, 5_000L); // within a tick, on an unloaded machine
            assertThat(early.get()).isEqualTo("done");
        }
    }

    @Test
    void waitsOfDifferentTimeoutsExpireEachAtItsOwnDeadline() throws Exception {
        try (var deadlines = new Deadlines("test")) {
            var longer = deadlines.bound(new CompletableFuture<Void>(), Duration.ofSeconds(30));
            var shorter = deadlines.bound(new CompletableFuture<Void>(), Duration.ofMillis(50));

            assertThatThrownBy(shorter::get).hasCauseInstanceOf(TimeoutException.class);
            assertThat(longer).isNotDone();
        }
    }

    @Test
    void theExpiryActionRunsOnceAndOnlyForWaitsStillPending() throws Exception {
        var expired = new AtomicInteger();
        try (var deadlines = new Deadlines("test")) {
            var pending = new CompletableFuture<Void>();
            deadlines.bound(pending, Duration.ofMillis(30), () -> {
                expired.incrementAndGet();
                pending.complete(null);
            });
            var done = new CompletableFuture<Void>();
            deadlines.bound(done, Duration.ofMillis(30), expired::incrementAndGet);
            done.complete(null);

            pending.get(5, java.util.concurrent.TimeUnit.SECONDS);
            // once the watcher has let go of both waits, no expiry action can run any more
            await().atMost(Duration.ofSeconds(5)).until(() -> deadlines.watched() == 0);
            assertThat(expired).hasValue(1);
        }
    }

    @Test
    void waitsDoneEarlyAreForgottenEvenBehindALongOne() throws Exception {
        try (var deadlines = new Deadlines("test")) {
            var slow = deadlines.bound(new CompletableFuture<Void>(), Duration.ofHours(1));
            for (int i = 0; i < 1_000; i++) {
                deadlines
                        .bound(new CompletableFuture<Void>(), Duration.ofHours(1))
                        .complete(null);
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> deadlines.watched() == 1);
            assertThat(slow).isNotDone();
        }
    }

    @Test
    void closingEndsEveryPendingWaitAndLaterOnesAtOnce() {
        var deadlines = new Deadlines("test");
        var pending = deadlines.bound(new CompletableFuture<Void>(), Duration.ofHours(1));

        deadlines.close();

        assertThatThrownBy(pending::get).hasCauseInstanceOf(TimeoutException.class);
        var later = deadlines.bound(new CompletableFuture<Void>(), Duration.ofHours(1));
        assertThat(later).isCompletedExceptionally();
    }
}
