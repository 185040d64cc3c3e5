package tw.smartgov.trust.merkle;

import java.util.Arrays;
import java.util.List;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * RFC 9162 §2.1.3 audit paths: the hashes that link the leaf at {@code leafIndex} to the root of
 * the tree of {@code treeSize} leaves, ordered from the leaf up.
 *
 * <p>Checks throw rather than return a boolean: {@link TrustError#MALFORMED_PROOF} when the path
 * cannot be a path for its sizes (index not below the size, a path of the wrong length, a hash
 * that is not 32 bytes), {@link TrustError#PROOF_INVALID} when it is well formed but does not lead
 * to the expected root.
 */
public final class AuditPath {

    private AuditPath() {}

    /** The number of hashes RFC 9162 requires in the path for {@code index} in a tree of {@code size}. */
    public static int expectedLength(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    /** Proves that {@code leafHash} is in the tree whose root is {@code expectedRoot}, or throws. */
    public static void verify(long leafIndex, long treeSize, List<byte[]> path, byte[] leafHash, byte[] expectedRoot) {
        Hashes.requireHash(expectedRoot, "the expected root");
        if (!Arrays.equals(rootFrom(leafIndex, treeSize, path, leafHash), expectedRoot)) {
            throw new TrustException(
                    TrustError.PROOF_INVALID,
                    "the inclusion proof of leaf " + leafIndex + " does not lead to the root of tree size " + treeSize);
        }
    }

    /** The root hash the path leads to from {@code leafHash} (RFC 9162 §2.1.3.2, steps 1-4). */
    public static byte[] rootFrom(long leafIndex, long treeSize, List<byte[]> path, byte[] leafHash) {
        checkWellFormed(leafIndex, treeSize, path, leafHash);
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            requireMoreLevels(sn, treeSize);
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
        requireTopReached(sn, treeSize);
        return r;
    }

    // Both are unreachable once the path length is checked; kept because RFC 9162 requires them.
    private static void requireMoreLevels(long sn, long treeSize) {
        if (sn == 0) {
            throw pathDoesNotFit(treeSize);
        }
    }

    private static void requireTopReached(long sn, long treeSize) {
        if (sn != 0) {
            throw pathDoesNotFit(treeSize);
        }
    }

    private static TrustException pathDoesNotFit(long treeSize) {
        return new TrustException(TrustError.MALFORMED_PROOF, "the inclusion path does not fit tree size " + treeSize);
    }

    private static void checkWellFormed(long leafIndex, long treeSize, List<byte[]> path, byte[] leafHash) {
        if (treeSize <= 0 || leafIndex < 0 || leafIndex >= treeSize) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF,
                    "leaf index " + leafIndex + " is not inside a tree of size " + treeSize);
        }
        int expected = expectedLength(leafIndex, treeSize);
        if (path.size() != expected) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF,
                    "an inclusion path for leaf " + leafIndex + " of tree size " + treeSize + " has " + expected
                            + " hashes, not " + path.size());
        }
        Hashes.requireHash(leafHash, "the leaf hash");
        Hashes.requireHashes(path);
    }
}
