package tw.smartgov.trust.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9162 Merkle tree over one batch, built bottom-up: a node without a right sibling is
 * carried up unchanged, which gives the same root and audit paths as RFC 9162's recursive
 * definition, in one pass and without recursion.
 */
public final class BatchTree {
    private final List<byte[][]> levels = new ArrayList<>();

    public BatchTree(List<byte[]> leafHashes) {
        byte[][] level = leafHashes.toArray(byte[][]::new);
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                int left = 2 * i;
                up[i] = left + 1 < level.length ? MerkleHash.nodeHash(level[left], level[left + 1]) : level[left];
            }
            levels.add(up);
            level = up;
        }
    }

    public byte[] root() {
        return levels.getLast()[0];
    }

    public int size() {
        return levels.getFirst().length;
    }

    /** The audit path of leaf {@code index}, from its sibling up. */
    public List<byte[]> path(int index) {
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = i ^ 1;
            if (sibling < level.length) {
                path.add(level[sibling]);
            }
            i >>= 1;
        }
        return path;
    }
}
