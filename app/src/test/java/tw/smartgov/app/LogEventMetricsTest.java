package tw.smartgov.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tw.smartgov.trust.testing.TestDatabase;

/**
 * Log events are counted per level in the running application (after Spring Boot has reset and
 * configured logback), without a turbo filter that would tax every disabled log statement.
 */
class LogEventMetricsTest {
    static final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext context;
    static MeterRegistry registry;

    @BeforeAll
    static void startCentral() {
        context = ServerRole.CENTRAL.start(Map.of(
                "spring.datasource.url",
                TestDatabase.newDatabaseUrl(),
                "spring.datasource.username",
                TestDatabase.user(),
                "smartgov.data-dir",
                dataDir.toString(),
                "smartgov.trust.keystore-password",
                "log-metrics-test-keystore",
                "smartgov.admin.password",
                "log-metrics-test-admin",
                "server.port",
                0));
        registry = context.getBean(MeterRegistry.class);
    }

    @AfterAll
    static void stopAndFindTheAppenderDetached() {
        assertThat(root().getAppender(LogEventMetrics.APPENDER)).isNotNull();
        context.close();
        assertThat(root().getAppender(LogEventMetrics.APPENDER)).isNull();
    }

    static Logger root() {
        return logging.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    static double count(String level) {
        return registry.get("logback.events").tag("level", level).counter().count();
    }

    @Test
    void aWarningIsCountedOnceUnderLevelWarn() {
        double before = count("warn");
        LoggerFactory.getLogger("tw.smartgov.test.disk").warn("disk almost full (logged by LogEventMetricsTest)");
        assertThat(count("warn") - before).isEqualTo(1.0);
    }

    @Test
    void aDebugStatementBelowTheLoggersLevelIsNotCounted() {
        Logger logger = logging.getLogger("tw.smartgov.test.chatty");
        try {
            logger.setLevel(Level.INFO);
            double before = count("debug");
            logger.debug("not logged at INFO");
            assertThat(count("debug")).isEqualTo(before);

            logger.setLevel(Level.DEBUG);
            logger.debug("logged at DEBUG (by LogEventMetricsTest)");
            assertThat(count("debug")).isEqualTo(before + 1);
        } finally {
            logger.setLevel(null);
        }
    }

    @Test
    void everyLevelHasItsCounterFromTheStart() {
        for (String level : new String[] {"error", "warn", "info", "debug", "trace"}) {
            assertThat(registry.find("logback.events").tag("level", level).counter())
                    .as(level)
                    .isNotNull();
        }
        assertThat(count("trace")).isZero();
    }

    @Test
    void noTurboFilterIsInstalled() {
        assertThat(logging.getTurboFilterList()).isEmpty();
    }
}
