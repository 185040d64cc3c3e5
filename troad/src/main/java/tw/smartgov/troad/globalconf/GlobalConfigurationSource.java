package tw.smartgov.troad.globalconf;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A security server's view of the global configuration: polls the central server, verifies each
 * document against the anchor, applies a newer one atomically and tells the listeners. A failed
 * poll (unreachable, forged, rolled back) changes nothing: the last good document stays in use.
 *
 * <p>{@link #state(Instant)} says whether exchange may go on: VALID until the document expires,
 * then EXPIRED_IN_GRACE (each poll logs a loud WARN) until the grace period is over, then REFUSED;
 * REFUSED also before any document was applied. Thread-safe.
 */
public final class GlobalConfigurationSource implements AutoCloseable {
    /** Whether the configuration in use allows message exchange. */
    public enum State {
        VALID,
        EXPIRED_IN_GRACE,
        REFUSED
    }

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(GlobalConfigurationSource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final GlobalConfigurationVerifier verifier;
    private final URI url;
    private final Duration pollInterval;
    private final Duration grace;
    private final Clock clock;
    private final HttpClient http;
    private final AtomicReference<@Nullable GlobalConfiguration> current = new AtomicReference<>();
    private final List<Consumer<GlobalConfiguration>> listeners = new CopyOnWriteArrayList<>();
    private @Nullable ScheduledExecutorService poller;

    /**
     * @param url where to fetch the JWS, usually {@link ConfigurationAnchor#globalConfigurationUrl()}
     * @param grace how long an expired configuration is still used, with alarms
     */
    public GlobalConfigurationSource(
            ConfigurationAnchor anchor, URI url, Duration pollInterval, Duration grace, Clock clock) {
        this.verifier = new GlobalConfigurationVerifier(anchor, clock);
        this.url = url;
        this.pollInterval = pollInterval;
        this.grace = grace;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Polls the anchor's central server every 30 seconds, on the system clock. */
    public static GlobalConfigurationSource of(ConfigurationAnchor anchor, Duration grace) {
        return new GlobalConfigurationSource(
                anchor, anchor.globalConfigurationUrl(), DEFAULT_POLL_INTERVAL, grace, Clock.systemUTC());
    }

    /** Starts polling in the background: at once, then every poll interval. */
    public synchronized GlobalConfigurationSource start() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("troad-globalconf")::unstarted);
            poller.scheduleWithFixedDelay(this::pollQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /**
     * Fetches, verifies and applies the published configuration once.
     *
     * @return true if it replaced the one in use
     * @throws GlobalConfigurationException if it could not be fetched or was refused
     */
    public boolean poll() {
        return apply(fetch());
    }

    /**
     * Verifies and applies an already fetched JWS (tests, and the in-process dev mode).
     *
     * @return true if it replaced the one in use; false if it is the very one in use
     * @throws GlobalConfigurationException if it was refused
     */
    public synchronized boolean apply(String jws) {
        GlobalConfiguration last = current.get();
        GlobalConfiguration next = verifier.verify(jws, last);
        if (next.equals(last)) {
            return false;
        }
        current.set(next);
        if (last == null || last.version() != next.version()) {
            log.info("global configuration version {} applied, valid until {}", next.version(), next.expiresAt());
        }
        for (Consumer<GlobalConfiguration> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                log.error("a global configuration listener failed", e);
            }
        }
        return true;
    }

    /** The configuration in use, whatever its state. */
    public Optional<GlobalConfiguration> current() {
        return Optional.ofNullable(current.get());
    }

    public State state(Instant now) {
        GlobalConfiguration configuration = current.get();
        if (configuration == null) {
            return State.REFUSED;
        }
        if (!configuration.isExpiredAt(now)) {
            return State.VALID;
        }
        return configuration.isInGraceAt(now, grace) ? State.EXPIRED_IN_GRACE : State.REFUSED;
    }

    public State state() {
        return state(clock.instant());
    }

    /** Calls {@code listener} with every configuration applied from now on. */
    public void addListener(Consumer<GlobalConfiguration> listener) {
        listeners.add(listener);
    }

    /** Gauges {@code troad.globalconf.version} and {@code troad.globalconf.state} (0 valid, 1 grace, 2 refused). */
    public void registerMetrics(MeterRegistry registry) {
        Gauge.builder(
                        "troad.globalconf.version",
                        this,
                        s -> s.current().map(c -> (double) c.version()).orElse(-1.0))
                .register(registry);
        Gauge.builder("troad.globalconf.state", this, s -> s.state().ordinal()).register(registry);
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private String fetch() {
        var request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw unavailable("the central server answered " + response.statusCode(), null);
            }
            return response.body();
        } catch (IOException e) {
            throw unavailable("the central server at " + url + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while fetching the global configuration", e);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (GlobalConfigurationException e) {
            log.warn("global configuration not updated ({}): {}", e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("global configuration poll failed", e);
        }
        warnIfStale();
    }

    private void warnIfStale() {
        GlobalConfiguration conf = current.get();
        switch (state()) {
            case EXPIRED_IN_GRACE ->
                log.warn(
                        "GLOBAL CONFIGURATION EXPIRED at {}: exchange continues only until {}, then stops",
                        Objects.requireNonNull(conf).expiresAt(),
                        conf.expiresAt().plus(grace));
            case REFUSED -> log.error("NO VALID GLOBAL CONFIGURATION: this security server refuses all exchange");
            case VALID -> {}
        }
    }

    private static GlobalConfigurationException unavailable(String message, @Nullable Throwable cause) {
        return new GlobalConfigurationException(GlobalConfigurationException.Reason.UNAVAILABLE, message, cause);
    }
}
