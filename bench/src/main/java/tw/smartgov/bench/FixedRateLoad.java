package tw.smartgov.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;

/**
 * An open-loop, constant-rate HTTP/1.1 load generator for latency at a fixed rate (wrk only
 * measures a closed loop). Request {@code i} is due at {@code start + i / rate}; its latency runs
 * from when it was due, not from when it was sent, so a stalled server is not hidden by fewer
 * requests (no coordinated omission). Requests due in the warm-up are not counted.
 *
 * <p>Usage: {@code FixedRateLoad url rate seconds warmup-seconds [header: value]...}. Prints one
 * line: {@code rate=.. sent=.. ok=.. errors=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=..}.
 */
public final class FixedRateLoad {
    private FixedRateLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FixedRateLoad url rate seconds warmup-seconds [header: value]...");
            System.exit(2);
        }
        String url = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String[] headers = Arrays.copyOfRange(args, 4, args.length);

        var client = new HttpClient(new HttpClientTransportOverHTTP(new ClientConnector()));
        client.setMaxConnectionsPerDestination(512);
        client.setMaxRequestsQueuedPerDestination(1 << 20);
        client.setFollowRedirects(false);
        client.start();
        client.getContentDecoderFactories().clear();

        int total = rate * (warmup + seconds);
        int counted = rate * seconds;
        long[] latencies = new long[counted];
        var errors = new AtomicInteger();
        var done = new CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i - rate * warmup;
            var request = client.newRequest(url).timeout(30, TimeUnit.SECONDS);
            for (String header : headers) {
                int colon = header.indexOf(':');
                request.headers(h -> h.add(
                        header.substring(0, colon).strip(),
                        header.substring(colon + 1).strip()));
            }
            request.send(result -> {
                long latency = System.nanoTime() - due;
                boolean ok = result.isSucceeded() && result.getResponse().getStatus() == 200;
                if (slot >= 0) {
                    latencies[slot] = ok ? latency : Long.MAX_VALUE;
                }
                if (!ok) {
                    errors.incrementAndGet();
                }
                done.countDown();
            });
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            System.err.println("some requests did not complete");
        }
        client.stop();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "rate=%d sent=%d ok=%d errors=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
                rate,
                counted,
                counted - errors.get(),
                errors.get(),
                millis(percentile(sorted, 0.50)),
                millis(percentile(sorted, 0.90)),
                millis(percentile(sorted, 0.99)),
                millis(percentile(sorted, 1.0)));
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : nanos / 1e6;
    }
}
