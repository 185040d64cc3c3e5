package tw.smartgov.troad.securityserver;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.messagelog.InMemoryMessageLog;
import tw.smartgov.troad.messagelog.MessageLog;
import tw.smartgov.troad.messagelog.MessageRecord;
import tw.smartgov.troad.protocol.XRoadHeaders;

/**
 * A server's message log: the real one the builder was given, or none, and in memory what it
 * recorded; it fails every record while {@code failing}, and each record takes {@code
 * commitTime} to become durable (or to fail). A test counts the records of its own exchanges
 * only ({@link #recordsOf}): a provider appends its record after sending the body, so a record
 * of an earlier test's exchange may still arrive during the next test.
 */
public final class RecordingLog implements MessageLog {
    private final InMemoryMessageLog memory = new InMemoryMessageLog();
    private final @Nullable MessageLog original;
    private volatile @Nullable MessageLog durable;
    volatile boolean failing;
    volatile Duration commitTime = Duration.ZERO;

    RecordingLog(@Nullable MessageLog durable) {
        this.original = durable;
        this.durable = durable;
    }

    /** Records into {@code log} instead (until {@link #reset()}). */
    public void use(MessageLog log) {
        durable = log;
    }

    @Override
    public CompletableFuture<Void> record(MessageRecord record) {
        Duration delay = commitTime;
        if (delay.isZero()) {
            return commit(record);
        }
        var executor = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
        return CompletableFuture.supplyAsync(() -> null, executor).thenCompose(ignored -> commit(record));
    }

    @Override
    public void rememberSigners(Collection<List<X509Certificate>> chains) {
        MessageLog log = durable;
        if (log != null) {
            log.rememberSigners(chains);
        }
    }

    private CompletableFuture<Void> commit(MessageRecord record) {
        if (failing) {
            return CompletableFuture.failedFuture(new IOException("disk full"));
        }
        MessageLog log = durable;
        return log == null ? memory.record(record) : log.record(record).thenCompose(done -> memory.record(record));
    }

    /** The records of the exchange whose response this is (by its {@code X-Road-Id}). */
    public List<MessageRecord> recordsOf(HttpResponse<?> response) {
        String xRoadId = response.headers().firstValue(XRoadHeaders.ID).orElseThrow();
        return memory.records().stream()
                .filter(r -> r.xRoadId().equals(xRoadId))
                .toList();
    }

    /** Every record so far: for a test on a network of its own. */
    public List<MessageRecord> records() {
        return memory.records();
    }

    public void reset() {
        failing = false;
        commitTime = Duration.ZERO;
        durable = original;
    }
}
