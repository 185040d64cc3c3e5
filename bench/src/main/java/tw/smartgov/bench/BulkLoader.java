package tw.smartgov.bench;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tw.smartgov.trust.log.TreeHead;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.MerkleHash;

/**
 * Fills a new log with synthetic leaves far faster than appends could: the same frontier computes
 * every leaf and perfect subtree hash, and binary COPY writes the rows the log's writer would have
 * written (this couples the benchmark to the tables of migration V2 on purpose).
 */
final class BulkLoader {
    private static final int CHUNK = 50_000;
    private static final byte[] END = new byte[0];

    private final DataSource dataSource;

    BulkLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The synthetic entry at {@code index}: its index as 8 big-endian bytes. */
    static byte[] entry(long index) {
        return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
    }

    TreeHead load(String log, long count) throws SQLException, InterruptedException, ExecutionException {
        Instant now = Instant.now();
        try (Connection leafConnection = dataSource.getConnection();
                Connection nodeConnection = dataSource.getConnection();
                var nodeWriter = Executors.newSingleThreadExecutor()) {
            CopyIn leaves = copyIn(leafConnection, "log_leaf (log_name, idx, leaf_hash, data, appended_at)");
            CopyIn nodes = copyIn(nodeConnection, "log_node (log_name, level, idx, hash)");
            BlockingQueue<byte[]> nodeChunks = new ArrayBlockingQueue<>(8);
            Future<?> nodesDone = nodeWriter.submit(() -> drain(nodeChunks, nodes));
            Frontier frontier = Frontier.empty();
            PgBinaryCopy leafRows = new PgBinaryCopy();
            PgBinaryCopy nodeRows = new PgBinaryCopy();
            for (long i = 0; i < count; i++) {
                byte[] data = entry(i);
                byte[] hash = MerkleHash.leafHash(data);
                leafRows.row(5).text(log).int8(i).bytea(hash).bytea(data).timestamptz(now);
                frontier.append(
                        hash,
                        (key, node) -> nodeRows.row(4)
                                .text(log)
                                .int2(key.level())
                                .int8(key.index())
                                .bytea(node));
                if ((i + 1) % CHUNK == 0 || i + 1 == count) {
                    write(leaves, leafRows.take());
                    nodeChunks.put(nodeRows.take());
                }
            }
            nodeChunks.put(END);
            finish(leaves);
            nodesDone.get();
            saveState(leafConnection, log, frontier, now);
            return new TreeHead(frontier.size(), frontier.root());
        }
    }

    private static CopyIn copyIn(Connection c, String table) throws SQLException {
        CopyIn copy =
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY trust." + table + " FROM STDIN (FORMAT binary)");
        write(copy, PgBinaryCopy.header());
        return copy;
    }

    private static Void drain(BlockingQueue<byte[]> chunks, CopyIn copy) throws Exception {
        for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
            write(copy, chunk);
        }
        finish(copy);
        return null;
    }

    private static void write(CopyIn copy, byte[] chunk) throws SQLException {
        copy.writeToCopy(chunk, 0, chunk.length);
    }

    private static void finish(CopyIn copy) throws SQLException {
        write(copy, PgBinaryCopy.trailer());
        copy.endCopy();
    }

    private static void saveState(Connection c, String log, Frontier frontier, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO trust.log_state (name, tree_size, frontier, updated_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, log);
            s.setLong(2, frontier.size());
            s.setBytes(3, frontier.toBytes());
            s.setTimestamp(4, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    /**
     * Vacuums and checkpoints after the load, as a log that has been running for a while would
     * be; otherwise autovacuum and the checkpointer of 10 million fresh rows run during the
     * measurement and it measures them instead of the proofs.
     */
    void settle() throws SQLException {
        try (Connection c = dataSource.getConnection();
                var settle = c.createStatement()) {
            settle.execute("VACUUM (ANALYZE) trust.log_leaf, trust.log_node, trust.log_state");
            settle.execute("CHECKPOINT");
        }
    }
}
