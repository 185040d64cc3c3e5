package tw.smartgov.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.log.TransparencyLogs;

/**
 * Benchmark of the transparency log on a PostgreSQL database it may fill freely: durable appends
 * per second under group commit, the latency of one append at a moderate fixed rate, then
 * inclusion-proof latency in a log of 10 million leaves. Targets: at least 20,000 appends/s, at
 * most 1 ms per proof.
 */
public final class LogBench {
    // System properties shrink a run for a quick check of the benchmark itself.
    static final int APPENDS = Integer.getInteger("smartgov.bench.appends", 200_000);
    static final int APPENDERS = Integer.getInteger("smartgov.bench.appenders", 1_000);
    static final long BIG_LOG_SIZE = Long.getLong("smartgov.bench.log-size", 10_000_000);
    static final int PROOFS = Integer.getInteger("smartgov.bench.proofs", 10_000);

    private LogBench() {}

    /** {@code args[0]}: JDBC URL of a throwaway database; the user defaults to {@code postgres}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LogBench jdbc:postgresql://host:port/throwaway_db");
            System.exit(2);
        }
        run(System.out, args[0]);
    }

    /** Migrates the trust schema on {@code jdbcUrl}, runs both measurements and prints them. */
    public static void run(PrintStream out, String jdbcUrl) {
        try (HikariDataSource dataSource = dataSource(jdbcUrl)) {
            SchemaMigrations migrations = new SchemaMigrations(dataSource, List.of(new ModuleSchema("trust")));
            TransparencyLogs logs = new TransparencyLogs(dataSource, migrations, properties());
            try {
                new AppendBench(logs).run(out);
                new AppendLatencyBench(logs).run(out);
                new ProofBench(dataSource, logs).run(out);
            } finally {
                logs.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }

    /** A log name not used by an earlier run on the same database. */
    static String logName(String purpose) {
        return "bench-" + purpose + "-" + System.currentTimeMillis();
    }

    private static HikariDataSource dataSource(String jdbcUrl) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        if (!jdbcUrl.contains("user=")) {
            dataSource.setUsername(System.getenv().getOrDefault("PGUSER", "postgres"));
        }
        dataSource.setMaximumPoolSize(16);
        return dataSource;
    }

    // the data folder holds only the journal of the journaled latency log, deleted by the JVM's exit
    private static TrustProperties properties() {
        try {
            Path data = Files.createTempDirectory("smartgov-log-bench");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(data)));
            return new TrustProperties(data, "unused-by-the-log-bench", null, Duration.ofSeconds(10), 5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
