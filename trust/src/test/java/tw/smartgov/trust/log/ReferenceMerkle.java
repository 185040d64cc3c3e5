package tw.smartgov.trust.log;

import java.util.ArrayList;
import java.util.List;
import tw.smartgov.trust.merkle.MerkleHash;

/** RFC 9162 §2.1 MTH, PATH and PROOF written as literally as possible, to check the real code. */
final class ReferenceMerkle {
    private final List<byte[]> leafHashes;
    private final java.util.Map<Long, byte[]> roots = new java.util.concurrent.ConcurrentHashMap<>();

    ReferenceMerkle(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    static ReferenceMerkle ofEntries(List<byte[]> entries) {
        return new ReferenceMerkle(entries.stream().map(MerkleHash::leafHash).toList());
    }

    byte[] root(long size) {
        return roots.computeIfAbsent(size, s -> mth(0, (int) (long) s)).clone();
    }

    List<byte[]> path(long index, long size) {
        return path((int) index, 0, (int) size);
    }

    List<byte[]> proof(long oldSize, long newSize) {
        return subproof((int) oldSize, 0, (int) newSize, true);
    }

    private byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHash.nodeHash(mth(from, from + k), mth(from + k, to));
    }

    private List<byte[]> path(int m, int from, int to) {
        int n = to - from;
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            result.addAll(path(m, from, from + k));
            result.add(mth(from + k, to));
        } else {
            result.addAll(path(m - k, from + k, to));
            result.add(mth(from, from + k));
        }
        return result;
    }

    private List<byte[]> subproof(int m, int from, int to, boolean complete) {
        int n = to - from;
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!complete) {
                result.add(mth(from, to));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, from, from + k, complete));
            result.add(mth(from + k, to));
        } else {
            result.addAll(subproof(m - k, from + k, to, false));
            result.add(mth(from, from + k));
        }
        return result;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
