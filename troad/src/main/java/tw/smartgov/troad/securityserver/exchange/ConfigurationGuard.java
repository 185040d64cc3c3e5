package tw.smartgov.troad.securityserver.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * Hands out the current global configuration, or refuses once it is expired past the grace period.
 * While in grace it warns, at most once a minute so that a busy server does not flood its log.
 */
public final class ConfigurationGuard {
    private static final Logger log = LoggerFactory.getLogger(ConfigurationGuard.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final Supplier<GlobalConfiguration> source;
    private final Duration grace;
    private final Clock clock;
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

    public ConfigurationGuard(Supplier<GlobalConfiguration> source, Duration grace, Clock clock) {
        this.source = source;
        this.grace = grace;
        this.clock = clock;
    }

    /** The configuration without the expiry check: for TLS handshakes, which are checked again later. */
    public GlobalConfiguration unchecked() {
        return source.get();
    }

    public GlobalConfiguration current() {
        GlobalConfiguration conf = source.get();
        Instant now = clock.instant();
        if (!conf.isExpiredAt(now)) {
            return conf;
        }
        if (conf.isInGraceAt(now, grace)) {
            warn(conf, now);
            return conf;
        }
        throw new XRoadException(
                XRoadErrorType.OUTDATED_GLOBAL_CONFIGURATION,
                "the global configuration (version " + conf.version() + ") expired at " + conf.expiresAt()
                        + " and its grace period of " + grace + " is over");
    }

    private void warn(GlobalConfiguration conf, Instant now) {
        Instant last = lastWarning.get();
        if (now.isAfter(last.plus(WARN_EVERY)) && lastWarning.compareAndSet(last, now)) {
            log.warn(
                    "the global configuration (version {}) expired at {}; still used until {}",
                    conf.version(),
                    conf.expiresAt(),
                    conf.expiresAt().plus(grace));
        }
    }
}
