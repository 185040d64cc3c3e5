package tw.smartgov.trust.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * RFC 9162 §2.1.4 consistency paths: the hashes showing that the tree of {@code newSize} leaves
 * extends the tree of {@code oldSize} leaves without changing any of them.
 *
 * <p>Equal sizes take an empty path and equal roots; an old size of 0 takes an empty path and the
 * old root must be {@link MerkleHash#emptyRoot()}. {@link #verify} throws {@link
 * TrustError#MALFORMED_PROOF} for sizes or a path that cannot form a proof and {@link
 * TrustError#PROOF_INVALID} when the roots do not match.
 */
public final class ConsistencyPath {
    private final long oldSize;
    private final long newSize;
    private final List<byte[]> path;

    private ConsistencyPath(long oldSize, long newSize, List<byte[]> path) {
        this.oldSize = oldSize;
        this.newSize = newSize;
        this.path = path;
    }

    /** The number of hashes RFC 9162 requires in the path from {@code oldSize} to {@code newSize}. */
    public static int expectedLength(long oldSize, long newSize) {
        if (oldSize == 0 || oldSize == newSize) {
            return 0;
        }
        int shift = Long.numberOfTrailingZeros(oldSize);
        int seed = oldSize == 1L << shift ? 0 : 1;
        return seed + AuditPath.expectedLength(oldSize - 1, newSize) - shift;
    }

    /** Proves that the tree with root {@code newRoot} extends the one with {@code oldRoot}, or throws. */
    public static void verify(long oldSize, long newSize, List<byte[]> path, byte[] oldRoot, byte[] newRoot) {
        new ConsistencyPath(oldSize, newSize, path).verify(oldRoot, newRoot);
    }

    private void verify(byte[] oldRoot, byte[] newRoot) {
        checkWellFormed(oldRoot, newRoot);
        if (oldSize == newSize) {
            requireMatch(oldRoot, newRoot, "the roots of equal sizes differ");
        } else if (oldSize == 0) {
            requireMatch(oldRoot, MerkleHash.emptyRoot(), "the old root is not the empty tree's root");
        } else {
            verifyPath(oldRoot, newRoot);
        }
    }

    // RFC 9162 §2.1.4.2, steps 1-6.
    private void verifyPath(byte[] oldRoot, byte[] newRoot) {
        List<byte[]> hashes = new ArrayList<>(path);
        if (Long.bitCount(oldSize) == 1) {
            hashes.addFirst(oldRoot);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = hashes.getFirst();
        byte[] sr = fr;
        for (byte[] c : hashes.subList(1, hashes.size())) {
            requireMoreLevels(sn);
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.nodeHash(c, fr);
                sr = MerkleHash.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        requireTopReached(sn);
        requireMatch(fr, oldRoot, "the proof does not lead to the old root");
        requireMatch(sr, newRoot, "the proof does not lead to the new root");
    }

    private void checkWellFormed(byte[] oldRoot, byte[] newRoot) {
        if (oldSize < 0 || oldSize > newSize) {
            throw malformed("old size " + oldSize + " is not between 0 and new size " + newSize);
        }
        int expected = expectedLength(oldSize, newSize);
        if (path.size() != expected) {
            throw malformed("a consistency path from " + oldSize + " to " + newSize + " has " + expected
                    + " hashes, not " + path.size());
        }
        Hashes.requireHash(oldRoot, "the old root");
        Hashes.requireHash(newRoot, "the new root");
        Hashes.requireHashes(path);
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
        return malformed("the consistency path does not fit sizes " + oldSize + " and " + newSize);
    }

    private void requireMatch(byte[] actual, byte[] expected, String problem) {
        if (!Arrays.equals(actual, expected)) {
            throw new TrustException(
                    TrustError.PROOF_INVALID,
                    "tree size " + newSize + " is not proven consistent with tree size " + oldSize + ": " + problem);
        }
    }

    private TrustException malformed(String message) {
        return new TrustException(TrustError.MALFORMED_PROOF, message);
    }
}
