package tw.smartgov.bench;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tw.smartgov.trust.log.TransparencyLogs;

/** Many callers appending 100-byte entries, each waiting until its entry is committed. */
final class AppendBench {
    private static final int ENTRY_BYTES = 100;

    private final TransparencyLogs logs;

    AppendBench(TransparencyLogs logs) {
        this.logs = logs;
    }

    void run(PrintStream out) {
        appendAll(LogBench.logName("warmup"), LogBench.APPENDS / 10);
        long start = System.nanoTime();
        appendAll(LogBench.logName("appends"), LogBench.APPENDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                "durable appends: %,d entries of %d bytes from %,d concurrent appenders in %.2f s = %,.0f appends/s%n",
                LogBench.APPENDS, ENTRY_BYTES, LogBench.APPENDERS, seconds, LogBench.APPENDS / seconds);
    }

    // Each appender is a virtual thread that blocks until its entry is durable, like a request would.
    private void appendAll(String log, int count) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> appended = new ArrayList<>();
        try (var appenders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int a = 0; a < LogBench.APPENDERS; a++) {
                appended.add(appenders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        logs.appendAndWait(log, entry(i));
                    }
                }));
            }
        }
        appended.forEach(AppendBench::requireDone);
        if (logs.treeHead(log).size() != count) {
            throw new IllegalStateException("log " + log + " does not hold the " + count + " entries appended");
        }
    }

    private static void requireDone(Future<?> appender) {
        if (appender.state() != Future.State.SUCCESS) {
            throw new IllegalStateException("an appender failed", appender.exceptionNow());
        }
    }

    private static byte[] entry(int i) {
        return ByteBuffer.allocate(ENTRY_BYTES).putInt(i).array();
    }
}
