package tw.smartgov.trust.log;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.merkle.AuditPath;
import tw.smartgov.trust.merkle.Hashes;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path that links the leaf at {@code leafIndex} to
 * the root of the tree of {@code treeSize} leaves, ordered from the leaf up.
 *
 * <p>Verification throws rather than returning a boolean: {@link TrustError#MALFORMED_PROOF} when
 * the proof cannot be a proof for its sizes (index not below the size, a path of the wrong length,
 * a hash that is not 32 bytes), {@link TrustError#PROOF_INVALID} when it is well formed but does
 * not lead to the expected root. The path is copied in and out, so a proof never changes.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = Hashes.copyOf(path);
    }

    /** Copies of the path hashes, from the leaf's sibling up to the root's child. */
    @Override
    public List<byte[]> path() {
        return Hashes.copyOf(path);
    }

    /** The number of hashes RFC 9162 requires in the path for {@code index} in a tree of {@code size}. */
    public static int expectedPathLength(long index, long size) {
        return AuditPath.expectedLength(index, size);
    }

    /** The root hash this proof leads to from {@code leafHash} (RFC 9162 §2.1.3.2, steps 1-4). */
    public byte[] rootFrom(byte[] leafHash) {
        return AuditPath.rootFrom(leafIndex, treeSize, path, leafHash);
    }

    /** Proves that {@code leafHash} is in the tree whose root is {@code expectedRoot}, or throws. */
    public void verify(byte[] leafHash, byte[] expectedRoot) {
        AuditPath.verify(leafIndex, treeSize, path, leafHash, expectedRoot);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof InclusionProof other
                && leafIndex == other.leafIndex
                && treeSize == other.treeSize
                && Hashes.equal(path, other.path);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(leafIndex) + Long.hashCode(treeSize)) + Hashes.hashCode(path);
    }

    @Override
    public String toString() {
        return "InclusionProof[leafIndex=" + leafIndex + ", treeSize=" + treeSize + ", path=" + Hashes.hex(path) + "]";
    }
}
