package tw.smartgov.troad.messagelog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code messageLog}: DOWN while a message log refuses records because its tree heads have
 * waited for a time-stamp longer than the grace (records are refused, so exchange stops).
 */
@Component("messageLog")
class MessageLogHealth implements HealthIndicator {
    private final MessageLogs logs;

    MessageLogHealth(MessageLogs logs) {
        this.logs = logs;
    }

    @Override
    public Health health() {
        var health = Health.up();
        for (TransparencyMessageLog log : logs.created()) {
            TimestampGuard guard = log.guard();
            long waiting = guard.waiting().toSeconds();
            if (guard.refusing()) {
                health = health.down();
            }
            health.withDetail(
                    guard.logName(),
                    waiting == 0
                            ? "time-stamped"
                            : "waiting for a time-stamp for " + waiting + " s (grace "
                                    + guard.grace().toSeconds() + " s)");
        }
        return health.build();
    }
}
