package tw.smartgov.trust.log;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

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
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    /** The root hash this proof leads to from {@code leafHash} (RFC 9162 §2.1.3.2, steps 1-4). */
    public byte[] rootFrom(byte[] leafHash) {
        checkWellFormed(leafHash);
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            requireMoreLevels(sn);
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        requireTopReached(sn);
        return r;
    }

    // Both are unreachable once the path length is checked; kept because RFC 9162 requires them.
    private void requireMoreLevels(long sn) {
        if (sn == 0) {
            throw pathDoesNotFit();
        }
    }

    private void requireTopReached(long sn) {
        if (sn != 0) {
            throw pathDoesNotFit();
        }
    }

    private TrustException pathDoesNotFit() {
        return new TrustException(TrustError.MALFORMED_PROOF, "the inclusion path does not fit tree size " + treeSize);
    }

    /** Proves that {@code leafHash} is in the tree whose root is {@code expectedRoot}, or throws. */
    public void verify(byte[] leafHash, byte[] expectedRoot) {
        Hashes.requireHash(expectedRoot, "the expected root");
        if (!Arrays.equals(rootFrom(leafHash), expectedRoot)) {
            throw new TrustException(
                    TrustError.PROOF_INVALID,
                    "the inclusion proof of leaf " + leafIndex + " does not lead to the root of tree size " + treeSize);
        }
    }

    private void checkWellFormed(byte[] leafHash) {
        if (treeSize <= 0 || leafIndex < 0 || leafIndex >= treeSize) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF,
                    "leaf index " + leafIndex + " is not inside a tree of size " + treeSize);
        }
        int expected = expectedPathLength(leafIndex, treeSize);
        if (path.size() != expected) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF,
                    "an inclusion path for leaf " + leafIndex + " of tree size " + treeSize + " has " + expected
                            + " hashes, not " + path.size());
        }
        Hashes.requireHash(leafHash, "the leaf hash");
        Hashes.requireHashes(path);
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
