package tw.smartgov.trust.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs messages as they arrive, in batches that grow with the load: one thread takes whatever is
 * waiting (up to {@code maxBatch}) and signs it with one signature. A lone message is signed at
 * once; under load, messages that arrive during one signature share the next.
 */
public final class BatchingSigner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingSigner.class);

    private record Pending(byte[] digest, CompletableFuture<BatchSignature> result) {}

    private final BatchSigner signer;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    public BatchingSigner(BatchSigner signer, int maxBatch, String name) {
        this.signer = signer;
        this.maxBatch = maxBatch;
        this.worker = Thread.ofPlatform().daemon().name("batch-signer-" + name).start(this::run);
    }

    /** Signs the digest in the next batch; the future fails if signing fails or the signer is closed. */
    public CompletableFuture<BatchSignature> sign(byte[] messageDigest) {
        var pending = new Pending(messageDigest.clone(), new CompletableFuture<>());
        if (closed) {
            pending.result().completeExceptionally(new IllegalStateException("batch signer is closed"));
            return pending.result();
        }
        queue.add(pending);
        return pending.result();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                signBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void signBatch(List<Pending> batch) {
        try {
            List<BatchSignature> signatures =
                    signer.sign(batch.stream().map(Pending::digest).toList());
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
