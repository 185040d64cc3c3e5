package tw.smartgov.trust.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A perfect subtree of a log: the complete binary tree at height {@code level} covering leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}. Level 0 subtrees are single leaves. Once a log
 * holds all of its leaves, the hash of a perfect subtree never changes.
 */
public record SubtreeKey(int level, long index) {

    public SubtreeKey {
        if (level < 0 || level > 62 || index < 0 || index > Long.MAX_VALUE >>> level) {
            throw new IllegalArgumentException("no perfect subtree at level " + level + ", index " + index);
        }
    }

    /** Index of the first leaf under this subtree. */
    public long firstLeaf() {
        return index << level;
    }

    /** Index just past the last leaf under this subtree. */
    public long endLeaf() {
        return (index + 1) << level;
    }

    public SubtreeKey sibling() {
        return new SubtreeKey(level, index ^ 1);
    }

    public SubtreeKey parent() {
        return new SubtreeKey(level + 1, index >>> 1);
    }

    /**
     * The largest perfect subtrees covering leaves {@code [start, start + count)}, left to right;
     * {@code start} must be a multiple of the largest power of two not above {@code count}, which
     * holds for every range a proof or a frontier needs.
     */
    public static List<SubtreeKey> decompose(long start, long count) {
        List<SubtreeKey> keys = new ArrayList<>(Long.bitCount(count));
        long position = start;
        for (int level = 63 - Long.numberOfLeadingZeros(count); level >= 0; level--) {
            if ((count >>> level & 1) == 1) {
                keys.add(new SubtreeKey(level, position >>> level));
                position += 1L << level;
            }
        }
        return keys;
    }
}
