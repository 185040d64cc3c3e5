package tw.smartgov.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.log.TransparencyLogs;

/**
 * Latency of one durable append at a moderate fixed rate, with entries the size of a T-Road
 * message record: what a security server waits for its message log. Open loop: append i is due at
 * start + i/rate and its latency counts from then, so a stall is not hidden by appending less.
 */
final class AppendLatencyBench {
    static final int RATE = Integer.getInteger("smartgov.bench.append-rate", 200);
    static final int SECONDS = Integer.getInteger("smartgov.bench.append-seconds", 10);
    // a T-Road message record is about 2.5 KB; 5,000 leaves room for larger headers and bodies
    private static final int ENTRY_BYTES = Integer.getInteger("smartgov.bench.append-bytes", 5_000);
    private static final int WARMUP_SECONDS = 5;

    private final TransparencyLogs logs;

    AppendLatencyBench(TransparencyLogs logs) {
        this.logs = logs;
    }

    // Appends durable by a database commit, and by a local journal write (as T-Road's message logs
    // by default), alternately, so that the machine's drift hits both alike.
    void run(PrintStream out) throws InterruptedException {
        String direct = LogBench.logName("latency");
        String journaled = LogBench.logName("latency-journaled");
        logs.journalLocally(journaled);
        long[][] results = new long[2][];
        for (int round = 0; round < 2; round++) {
            for (int kind = 0; kind < 2; kind++) {
                String log = kind == 0 ? direct : journaled;
                appendAtRate(log, RATE * WARMUP_SECONDS, 0);
                long[] nanos = appendAtRate(log, RATE * SECONDS, RATE * WARMUP_SECONDS);
                results[kind] = results[kind] == null ? nanos : concat(results[kind], nanos);
            }
        }
        print(out, "durable append latency", results[0]);
        print(out, "journaled append latency (durable in a local journal, then copied)", results[1]);
    }

    private static void print(PrintStream out, String what, long[] nanos) {
        Arrays.sort(nanos);
        out.printf(
                "%s at %d appends/s (%,d entries of %,d bytes, after %d s of warm-up each of 2 rounds):"
                        + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                what,
                RATE,
                nanos.length,
                ENTRY_BYTES,
                WARMUP_SECONDS,
                nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 9 / 10] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // Each append is a virtual thread that blocks until its entry is durable, like a request would.
    private long[] appendAtRate(String log, int count, int firstEntry) throws InterruptedException {
        long[] latencies = new long[count];
        var done = new CountDownLatch(count);
        var failure = new AtomicReference<@Nullable Throwable>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try {
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
            for (int i = 0; i < count; i++) {
                int n = i;
                long due = start + (long) (i * 1e9 / RATE);
                byte[] entry = entry(firstEntry + i);
                clock.schedule(
                        () -> Thread.startVirtualThread(() -> {
                            try {
                                logs.appendAndWait(log, entry);
                                latencies[n] = System.nanoTime() - due;
                            } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                            } finally {
                                done.countDown();
                            }
                        }),
                        due - System.nanoTime(),
                        TimeUnit.NANOSECONDS);
            }
            done.await();
        } finally {
            clock.shutdown();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an append failed", failure.get());
        }
        return latencies;
    }

    private static byte[] entry(int i) {
        byte[] entry = new byte[ENTRY_BYTES];
        new Random(i).nextBytes(entry);
        return entry;
    }
}
