package tw.smartgov.trust.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs messages as they arrive, in batches that grow with the load: one thread takes whatever is
 * waiting (up to the pacing's {@code maxBatch}) and signs it with one signature. A lone message is
 * signed at once, on the caller's own thread when nothing else is waiting, fewer others are
 * expected than are worth waiting for, and the arrival rate is below the pacing's {@code
 * signAloneBelowRate} (no hand-off to the signing thread and back, which on an idle machine costs
 * more than the signature). Under load, messages that arrive during one signature share the
 * next, and the first message of a batch waits briefly ({@link SignaturePacing}'s {@code
 * maxLinger}) for others when enough are known to be coming ({@link #expect()}) or arrive fast.
 */
public final class BatchingSigner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingSigner.class);
    // The arrival rate is measured over windows of at least this length, then smoothed.
    private static final long RATE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    // While messages are expected, the queue is checked this often for them, or for none left.
    private static final long EXPECTATION_SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private record Pending(byte[] digest, CompletableFuture<BatchSignature> result) {}

    private final BatchSigner signer;
    private final SignaturePacing pacing;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong signed = new AtomicLong();
    private final Thread worker;
    // Held while a batch is gathered and signed, by the worker or by a caller signing its lone message.
    private final ReentrantLock signing = new ReentrantLock();
    // The worker's latest measure of the arrival rate, for callers deciding whether to sign alone.
    private volatile double recentRate;
    private volatile boolean closed;
    // Touched by the worker thread only.
    private long windowStart = System.nanoTime();
    private long windowArrivals;
    private double rate;

    public BatchingSigner(BatchSigner signer, SignaturePacing pacing, String name) {
        this.signer = signer;
        this.pacing = pacing;
        this.worker = Thread.ofPlatform().daemon().name("batch-signer-" + name).start(this::run);
    }

    /** Signs the digest in the next batch; the future fails if signing fails or the signer is closed. */
    public CompletableFuture<BatchSignature> sign(byte[] messageDigest) {
        return submit(messageDigest, 0);
    }

    // ownExpectations: 1 when the caller's own message was announced and is still counted as expected
    private CompletableFuture<BatchSignature> submit(byte[] messageDigest, long ownExpectations) {
        var pending = new Pending(messageDigest.clone(), new CompletableFuture<>());
        if (closed) {
            pending.result().completeExceptionally(new IllegalStateException("batch signer is closed"));
            return pending.result();
        }
        arrivals.incrementAndGet();
        if (queue.isEmpty()
                && !pacing.awaitsAnnounced(expected.get() - ownExpectations)
                && recentRate < pacing.signAloneBelowRate()
                && signing.tryLock()) {
            try {
                if (queue.isEmpty()) {
                    signBatch(List.of(pending));
                    return pending.result();
                }
            } finally {
                signing.unlock();
            }
        }
        queue.add(pending);
        return pending.result();
    }

    /**
     * Announces a message that will be signed soon (typically: a request has arrived whose response
     * will be signed), so that a batch being gathered may wait for it rather than be signed without
     * it. Close the expectation if the message will not come after all.
     */
    public Expectation expect() {
        expected.incrementAndGet();
        return new Expectation();
    }

    /** A message announced by {@link #expect()}; sign it through here, or close it. */
    public final class Expectation implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicBoolean settled =
                new java.util.concurrent.atomic.AtomicBoolean();

        private Expectation() {}

        /** {@link BatchingSigner#sign}, ending the expectation once the message is queued. */
        public CompletableFuture<BatchSignature> sign(byte[] messageDigest) {
            var result = submit(messageDigest, settled.get() ? 0 : 1);
            close();
            return result;
        }

        /** The message will not come (or was signed): ends the expectation; idempotent. */
        @Override
        public void close() {
            if (settled.compareAndSet(false, true)) {
                expected.decrementAndGet();
            }
        }
    }

    /** Messages announced and not yet queued for signing. */
    public long expectedMessages() {
        return expected.get();
    }

    /** Messages signed so far. */
    public long signedMessages() {
        return signed.get();
    }

    /** Signatures made so far: each covers a batch of messages. */
    public long signedBatches() {
        return batches.get();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(pacing.maxBatch());
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    measureRate();
                    continue;
                }
                // held while gathering too, so that no caller signs alone what this batch waits for
                signing.lock();
                try {
                    batch.add(first);
                    queue.drainTo(batch, pacing.maxBatch() - 1);
                    gather(batch, pacing.lingerNanos(measureRate()));
                    signBatch(batch);
                } finally {
                    signing.unlock();
                }
                // The batch's signature took a nonce computed ahead; its replacement is computed here,
                // after the batch was released. Messages arriving meanwhile share the next batch, as
                // they did while a signature computed its own nonce: batches stay as large as before,
                // and the nonces ready in the background are left for lone messages.
                try {
                    signer.computeNonceAhead();
                } catch (RuntimeException e) {
                    // the next signature computes its own nonce; this thread must keep signing
                    log.warn("computing a nonce ahead failed", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    // Until the batch reaches the target size, takes what arrives: for rateLingerNanos, and up to
    // maxLinger while enough expected messages have not arrived yet.
    private void gather(List<Pending> batch, long rateLingerNanos) throws InterruptedException {
        long start = System.nanoTime();
        long rateDeadline = start + rateLingerNanos;
        long hardDeadline = start + pacing.maxLinger().toNanos();
        while (batch.size() < pacing.targetBatch() && !closed) {
            boolean expecting = pacing.awaitsAnnounced(expected.get());
            long left = (expecting ? hardDeadline : rateDeadline) - System.nanoTime();
            if (left <= 0) {
                return;
            }
            @Nullable
            Pending next = queue.poll(expecting ? Math.min(left, EXPECTATION_SLICE_NANOS) : left, TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
                queue.drainTo(batch, pacing.maxBatch() - batch.size());
            } else if (!expecting) {
                return;
            }
        }
    }

    private double measureRate() {
        long now = System.nanoTime();
        long elapsed = now - windowStart;
        if (elapsed >= RATE_WINDOW_NANOS) {
            long total = arrivals.get();
            double current = (total - windowArrivals) * 1e9 / elapsed;
            // a long idle window counts fully, so that the rate drops at once when traffic stops
            double weight = Math.min(1.0, 0.5 * elapsed / RATE_WINDOW_NANOS);
            rate = rate + weight * (current - rate);
            windowStart = now;
            windowArrivals = total;
            recentRate = rate;
        }
        return rate;
    }

    private void signBatch(List<Pending> batch) {
        try {
            List<BatchSignature> signatures =
                    signer.sign(batch.stream().map(Pending::digest).toList());
            batches.incrementAndGet();
            signed.addAndGet(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(signatures.get(i));
            }
        } catch (RuntimeException e) {
            log.error("signing a batch of {} messages failed", batch.size(), e);
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
