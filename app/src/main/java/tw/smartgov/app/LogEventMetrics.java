package tw.smartgov.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts log events by level as {@code logback.events{level}}, the counter of Micrometer's {@code
 * LogbackMetrics} (whose auto-configuration {@link SmartGovApplication} excludes), with an appender
 * on the root logger instead of a turbo filter. Once logback has a turbo filter, every {@code
 * isDebugEnabled()} in the process runs the filter chain, and Jetty asks on every request (2.4 % of
 * a security server's CPU); an appender sees only the events that are logged, so a disabled
 * statement costs nothing.
 *
 * <p>Spring Boot binds it once the registry exists, after it has reset and configured logback; it
 * is detached when the application stops. Events of a logger with additivity off never reach the
 * root logger and are not counted.
 */
@Component
final class LogEventMetrics implements MeterBinder, AutoCloseable {
    static final String APPENDER = "smartgov-log-event-metrics";

    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    private final List<Counting> attached = new CopyOnWriteArrayList<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        var counting = new Counting(registry);
        counting.setContext(root.getLoggerContext());
        counting.setName(APPENDER);
        counting.start();
        root.addAppender(counting);
        attached.add(counting);
    }

    @Override
    public void close() {
        for (Counting counting : attached) {
            root.detachAppender(counting);
            counting.stop();
        }
        attached.clear();
    }

    /** Counters of one registry, registered at once so that every level is there from the start at 0. */
    private static final class Counting extends UnsynchronizedAppenderBase<ILoggingEvent> {
        private final Counter error;
        private final Counter warn;
        private final Counter info;
        private final Counter debug;
        private final Counter trace;

        Counting(MeterRegistry registry) {
            error = counter(registry, "error");
            warn = counter(registry, "warn");
            info = counter(registry, "info");
            debug = counter(registry, "debug");
            trace = counter(registry, "trace");
        }

        private static Counter counter(MeterRegistry registry, String level) {
            return Counter.builder("logback.events")
                    .tag("level", level)
                    .description("Number of log events that were enabled by the effective log level")
                    .baseUnit(BaseUnits.EVENTS)
                    .register(registry);
        }

        @Override
        protected void append(ILoggingEvent event) {
            switch (event.getLevel().toInt()) {
                case Level.ERROR_INT -> error.increment();
                case Level.WARN_INT -> warn.increment();
                case Level.INFO_INT -> info.increment();
                case Level.DEBUG_INT -> debug.increment();
                case Level.TRACE_INT -> trace.increment();
                default -> {}
            }
        }
    }
}
