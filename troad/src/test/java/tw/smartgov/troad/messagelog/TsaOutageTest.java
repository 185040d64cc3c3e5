package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.trust.testing.MutableClock;

/** A TSA outage is tolerated for the grace period, then new records are refused. */
class TsaOutageTest extends MessageLogIntegrationTest {
    @Autowired
    MessageLogHealth health;

    @AfterEach
    void tsaBack() {
        tsa.down = false;
        publisher.publishAll();
    }

    static MessageRecord record() {
        var client = new MemberId("TW", "GOV", "T").subsystem("app");
        var message = new MessageRecord.Message("h\n", new byte[64], new byte[64], "sig", 0, null, Instant.now());
        return new MessageRecord(
                MessageRecord.Side.CLIENT,
                "xid-" + UUID.randomUUID(),
                "rid",
                client,
                client.service("s"),
                "GET",
                "/",
                200,
                message,
                message);
    }

    /** The clock the logs' grace is measured on: moved past the grace instead of waiting for it. */
    private final MutableClock clock = new MutableClock(Instant.now());

    private TransparencyMessageLog newLog(Duration grace) {
        String name = "msglog-tsa-" + UUID.randomUUID().toString().substring(0, 8);
        return messageLogs.create(name, grace, Duration.ZERO, 1 << 20, clock);
    }

    /** Moves the clock this far past now: past every tree head signed so far. */
    private void moveClockTo(Duration pastNow) {
        clock.advance(Duration.between(clock.instant(), Instant.now().plus(pastNow)));
    }

    @Test
    void withinTheGraceRecordsAreAcceptedBeyondItTheyAreRefusedUntilTheTsaAnswers() throws Exception {
        var shortGrace = newLog(Duration.ofMillis(500));
        var longGrace = newLog(Duration.ofHours(1));
        shortGrace.record(record()).join();
        longGrace.record(record()).join();

        tsa.down = true;
        assertThat(publisher.publish(shortGrace.logName()).isTimeStamped()).isFalse();
        assertThat(publisher.publish(longGrace.logName()).isTimeStamped()).isFalse();
        shortGrace.record(record()).join(); // just signed: within the grace
        moveClockTo(Duration.ofMillis(700)); // the unstamped heads are now older than the short grace

        assertThatThrownBy(() -> shortGrace.record(record()).join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("has not been time-stamped");
        longGrace.record(record()).join();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        tsa.down = false;
        publisher.publishAll();
        shortGrace.record(record()).join();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
