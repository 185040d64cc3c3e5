package tw.smartgov.trust.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

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
        if (oldSize == 0 || oldSize == newSize) {
            return 0;
        }
        int shift = Long.numberOfTrailingZeros(oldSize);
        int seed = oldSize == 1L << shift ? 0 : 1;
        return seed + InclusionProof.expectedPathLength(oldSize - 1, newSize) - shift;
    }

    /** Proves that the tree with root {@code newRoot} extends the one with {@code oldRoot}, or throws. */
    public void verify(byte[] oldRoot, byte[] newRoot) {
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
        int expected = expectedPathLength(oldSize, newSize);
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
