package tw.smartgov.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import tw.smartgov.trust.log.InclusionProof;
import tw.smartgov.trust.log.TransparencyLogs;
import tw.smartgov.trust.log.TreeHead;
import tw.smartgov.trust.merkle.MerkleHash;

/** Latency of inclusion proofs for random leaves of a log of {@link LogBench#BIG_LOG_SIZE} leaves. */
final class ProofBench {
    private final DataSource dataSource;
    private final TransparencyLogs logs;

    ProofBench(DataSource dataSource, TransparencyLogs logs) {
        this.dataSource = dataSource;
        this.logs = logs;
    }

    void run(PrintStream out) {
        String log = LogBench.logName("proofs");
        long start = System.nanoTime();
        TreeHead head = load(log);
        out.printf(
                "bulk load: %,d leaves (with their perfect subtrees) in %.1f s%n",
                head.size(), (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        settle();
        out.printf("vacuum and checkpoint after the load: %.1f s%n", (System.nanoTime() - start) / 1e9);
        if (!logs.treeHead(log).equals(head)) {
            throw new IllegalStateException("the loaded log's tree head differs from the frontier's");
        }
        logs.checkConsistency(log);
        SplittableRandom random = new SplittableRandom(9162);
        measure(log, head, random, LogBench.PROOFS / 5);
        long[] micros = measure(log, head, random, LogBench.PROOFS);
        Arrays.sort(micros);
        out.printf(
                "inclusion proofs at %,d leaves: %,d random leaves, p50 %d us, p99 %d us, max %d us, mean %.0f us%n",
                head.size(),
                micros.length,
                micros[micros.length / 2],
                micros[micros.length * 99 / 100],
                micros[micros.length - 1],
                Arrays.stream(micros).average().orElseThrow());
    }

    private TreeHead load(String log) {
        try {
            return new BulkLoader(dataSource).load(log, LogBench.BIG_LOG_SIZE);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the synthetic log", e);
        }
    }

    private void settle() {
        try {
            new BulkLoader(dataSource).settle();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot vacuum the synthetic log (CHECKPOINT needs a superuser)", e);
        }
        System.gc();
    }

    // Every proof is verified, outside the timed section, so a fast but wrong proof cannot pass.
    private long[] measure(String log, TreeHead head, SplittableRandom random, int count) {
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            long index = random.nextLong(head.size());
            long start = System.nanoTime();
            InclusionProof proof = logs.inclusionProof(log, index, head.size());
            micros[i] = (System.nanoTime() - start) / 1000;
            proof.verify(MerkleHash.leafHash(BulkLoader.entry(index)), head.rootHash());
        }
        return micros;
    }
}
