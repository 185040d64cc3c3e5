package tw.smartgov.trust.log;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.merkle.ConsistencyPath;
import tw.smartgov.trust.merkle.Hashes;
import tw.smartgov.trust.merkle.MerkleHash;

/**
 * An RFC 9162 §2.1.4 consistency proof: the hashes showing that the tree of {@code newSize} leaves
 * extends the tree of {@code oldSize} leaves without changing any of them.
 *
 * <p>Equal sizes take an empty path and equal roots; an old size of 0 takes an empty path and the
 * old root must be {@link MerkleHash#emptyRoot()}. {@link #verify} throws {@link
 * TrustError#MALFORMED_PROOF} for sizes or a path that cannot form a proof and {@link
 * TrustError#PROOF_INVALID} when the roots do not match.
 */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> path) {

    public ConsistencyProof {
        path = Hashes.copyOf(path);
    }

    /** Copies of the path hashes, in RFC 9162 order. */
    @Override
    public List<byte[]> path() {
        return Hashes.copyOf(path);
    }

    /** The number of hashes RFC 9162 requires in the path from {@code oldSize} to {@code newSize}. */
    public static int expectedPathLength(long oldSize, long newSize) {
        return ConsistencyPath.expectedLength(oldSize, newSize);
    }

    /** Proves that the tree with root {@code newRoot} extends the one with {@code oldRoot}, or throws. */
    public void verify(byte[] oldRoot, byte[] newRoot) {
        ConsistencyPath.verify(oldSize, newSize, path, oldRoot, newRoot);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ConsistencyProof other
                && oldSize == other.oldSize
                && newSize == other.newSize
                && Hashes.equal(path, other.path);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(oldSize) + Long.hashCode(newSize)) + Hashes.hashCode(path);
    }

    @Override
    public String toString() {
        return "ConsistencyProof[oldSize=" + oldSize + ", newSize=" + newSize + ", path=" + Hashes.hex(path) + "]";
    }
}
