package tw.smartgov.trust.merkle;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The right edge of a log's Merkle tree: the roots of the perfect subtrees that cover its leaves,
 * largest first (one per set bit of the size, so at most 63 hashes). It is all a writer needs to
 * append leaves and compute the root, and it reports every perfect subtree an append completes so
 * that the writer can store it for later proofs.
 *
 * <p>Not thread-safe: a frontier belongs to one writer at a time. Serialized form: the size as an
 * 8-byte big-endian integer followed by the hashes, largest subtree first.
 */
public final class Frontier {
    private final byte[][] hashes = new byte[64][];
    private int count;
    private long size;

    private Frontier() {}

    /** The frontier of the empty log. */
    public static Frontier empty() {
        return new Frontier();
    }

    /** Reads a frontier written by {@link #toBytes()}; throws IllegalArgumentException if malformed. */
    public static Frontier fromBytes(byte[] bytes) {
        if (bytes.length < Long.BYTES) {
            throw new IllegalArgumentException("a frontier starts with its 8-byte size");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long size = buffer.getLong();
        if (size < 0 || buffer.remaining() != Long.bitCount(size) * MerkleHash.LENGTH) {
            throw new IllegalArgumentException("a frontier of size " + size + " has "
                    + Long.bitCount(size) * MerkleHash.LENGTH + " bytes of hashes, not " + buffer.remaining());
        }
        Frontier frontier = new Frontier();
        frontier.size = size;
        while (buffer.hasRemaining()) {
            byte[] hash = new byte[MerkleHash.LENGTH];
            buffer.get(hash);
            frontier.hashes[frontier.count++] = hash;
        }
        return frontier;
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + count * MerkleHash.LENGTH);
        buffer.putLong(size);
        for (int i = 0; i < count; i++) {
            buffer.put(hashes[i]);
        }
        return buffer.array();
    }

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /**
     * Appends the leaf with hash {@code leafHash} at index {@link #size()} and hands each perfect
     * subtree of level 1 or more that it completes to {@code completed}, lowest level first.
     */
    public void append(byte[] leafHash, BiConsumer<SubtreeKey, byte[]> completed) {
        Hashes.requireHash(leafHash, "a leaf hash");
        byte[] hash = leafHash.clone();
        long index = size;
        int level = 0;
        while ((size >>> level & 1) == 1) {
            hash = MerkleHash.nodeHash(hashes[--count], hash);
            level++;
            completed.accept(new SubtreeKey(level, index >>> level), hash);
        }
        hashes[count++] = hash;
        size++;
    }

    /** The RFC 9162 root hash of the first {@link #size()} leaves. */
    public byte[] root() {
        if (count == 0) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = hashes[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            root = MerkleHash.nodeHash(hashes[i], root);
        }
        return root.clone();
    }

    /** The perfect subtrees whose roots this frontier holds, largest first. */
    public List<SubtreeKey> keys() {
        return SubtreeKey.decompose(0, size);
    }

    /** Copies of the hashes of {@link #keys()}, in the same order. */
    public List<byte[]> hashes() {
        List<byte[]> copy = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            copy.add(hashes[i].clone());
        }
        return copy;
    }

    @Override
    public String toString() {
        return "Frontier[size=" + size + ", hashes="
                + Hashes.hex(Arrays.asList(hashes).subList(0, count)) + "]";
    }
}
