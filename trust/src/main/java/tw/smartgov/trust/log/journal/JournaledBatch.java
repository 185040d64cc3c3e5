package tw.smartgov.trust.log.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tw.smartgov.trust.log.store.Node;
import tw.smartgov.trust.log.store.RowValues;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.MerkleHash;

/**
 * A journaled batch, acknowledged, waiting for the database: what the database gets for it.
 *
 * @param first the leaf index of its first entry
 * @param after the log's frontier once it is stored
 * @param bytes about how much memory and journal it takes
 */
record JournaledBatch(
        long first,
        List<byte[]> hashes,
        List<byte[]> data,
        List<Node> nodes,
        List<RowValues> rows,
        Frontier after,
        Instant appendedAt,
        long bytes) {

    /** Appends {@code records}' leaves to {@code tree}: what the database will get for them. */
    static JournaledBatch extend(Frontier tree, List<JournalRecord> records) {
        long first = tree.size();
        List<byte[]> hashes = new ArrayList<>(records.size());
        List<byte[]> data = new ArrayList<>(records.size());
        List<Node> nodes = new ArrayList<>(records.size() + 64);
        List<RowValues> rows = new ArrayList<>(records.size());
        long bytes = 0;
        for (JournalRecord record : records) {
            byte[] hash = MerkleHash.leafHash(record.data());
            hashes.add(hash);
            data.add(record.data());
            RowValues recordRows = record.rows();
            if (recordRows != null) {
                rows.add(recordRows);
            }
            tree.append(hash, (key, node) -> nodes.add(new Node(key, node)));
            bytes += record.encodedSize();
        }
        Frontier after = Frontier.fromBytes(tree.toBytes());
        return new JournaledBatch(
                first, hashes, data, nodes, rows, after, records.getLast().appendedAt(), bytes);
    }

    /** How many of the {@code waiting} batches one group commit stores: at least one. */
    static int mergeable(List<JournaledBatch> waiting, int maxBatch) {
        int count = 1;
        int entries = waiting.getFirst().hashes().size();
        while (count < waiting.size() && entries + waiting.get(count).hashes().size() <= maxBatch) {
            entries += waiting.get(count).hashes().size();
            count++;
        }
        return count;
    }

    /** Consecutive batches as one. */
    static JournaledBatch merge(List<JournaledBatch> parts) {
        JournaledBatch first = parts.getFirst();
        if (parts.size() == 1) {
            return first;
        }
        int entries = parts.stream().mapToInt(p -> p.hashes().size()).sum();
        List<byte[]> hashes = new ArrayList<>(entries);
        List<byte[]> data = new ArrayList<>(entries);
        List<Node> nodes = new ArrayList<>();
        List<RowValues> rows = new ArrayList<>(entries);
        long bytes = 0;
        for (JournaledBatch part : parts) {
            hashes.addAll(part.hashes());
            data.addAll(part.data());
            nodes.addAll(part.nodes());
            rows.addAll(part.rows());
            bytes += part.bytes();
        }
        JournaledBatch last = parts.getLast();
        return new JournaledBatch(first.first(), hashes, data, nodes, rows, last.after(), last.appendedAt(), bytes);
    }

    int entries() {
        return hashes.size();
    }
}
