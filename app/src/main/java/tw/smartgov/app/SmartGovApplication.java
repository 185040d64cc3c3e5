package tw.smartgov.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration;

/**
 * The Spring application behind every server role; scans all SmartGov modules. Log events are
 * counted by {@link LogEventMetrics}, not by Micrometer's turbo filter.
 */
@SpringBootApplication(scanBasePackages = "tw.smartgov", exclude = LogbackMetricsAutoConfiguration.class)
public class SmartGovApplication {}
