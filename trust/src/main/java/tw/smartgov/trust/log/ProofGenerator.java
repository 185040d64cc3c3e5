package tw.smartgov.trust.log;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.merkle.MerkleHash;
import tw.smartgov.trust.merkle.SubtreeKey;

/**
 * Builds RFC 9162 proofs from stored perfect subtrees. A proof is first planned as a list of
 * elements, each the perfect subtrees covering one proof node (one for a complete node, several
 * for a node on the right edge of a smaller tree); the hashes of all of them are then fetched in
 * one batch and each element is folded into its node hash.
 */
final class ProofGenerator {

    private ProofGenerator() {}

    /** The inclusion proof of leaf {@code index} in the tree of {@code size}; sizes are trusted. */
    static InclusionProof inclusion(SubtreeStore store, long index, long size) {
        List<List<SubtreeKey>> plan = path(new SubtreeKey(0, index), size);
        return new InclusionProof(index, size, resolve(store, plan));
    }

    /** The consistency proof from {@code oldSize} to {@code newSize}; sizes are trusted. */
    static ConsistencyProof consistency(SubtreeStore store, long oldSize, long newSize) {
        if (oldSize == 0 || oldSize == newSize) {
            return new ConsistencyProof(oldSize, newSize, List.of());
        }
        // The old tree's last perfect subtree seeds the proof, unless it is the whole old tree,
        // whose root the verifier already holds.
        int level = Long.numberOfTrailingZeros(oldSize);
        SubtreeKey seed = new SubtreeKey(level, (oldSize - 1) >>> level);
        List<List<SubtreeKey>> plan = new ArrayList<>();
        if (seed.index() != 0) {
            plan.add(List.of(seed));
        }
        plan.addAll(path(seed, newSize));
        return new ConsistencyProof(oldSize, newSize, resolve(store, plan));
    }

    /**
     * The proof nodes linking {@code node} to the root of the tree of {@code size}, from the bottom
     * up: siblings up to the fork where the node's path leaves the tree's right edge, then the
     * right-edge node (maybe partial) beside the fork, then the left siblings above it.
     */
    static List<List<SubtreeKey>> path(SubtreeKey node, long size) {
        int inner = 63 - Long.numberOfLeadingZeros(node.index() ^ (size >>> node.level()));
        SubtreeKey fork = new SubtreeKey(node.level() + inner, node.index() >>> inner);
        List<List<SubtreeKey>> plan = new ArrayList<>();
        for (SubtreeKey n = node; n.level() < fork.level(); n = n.parent()) {
            plan.add(List.of(n.sibling()));
        }
        if (fork.endLeaf() < size) {
            plan.add(SubtreeKey.decompose(fork.endLeaf(), size - fork.endLeaf()));
        }
        for (SubtreeKey left : SubtreeKey.decompose(0, fork.firstLeaf()).reversed()) {
            plan.add(List.of(left));
        }
        return plan;
    }

    private static List<byte[]> resolve(SubtreeStore store, List<List<SubtreeKey>> plan) {
        Set<SubtreeKey> needed = new LinkedHashSet<>();
        plan.forEach(needed::addAll);
        Map<SubtreeKey, byte[]> hashes = store.fetch(needed);
        List<byte[]> path = new ArrayList<>(plan.size());
        for (List<SubtreeKey> element : plan) {
            path.add(fold(element, hashes));
        }
        return path;
    }

    // Right-edge subtrees nest to the right (RFC 9162 splits at the largest power of two), so the
    // node hash is folded from the smallest subtree leftwards.
    private static byte[] fold(List<SubtreeKey> keys, Map<SubtreeKey, byte[]> hashes) {
        byte[] hash = hashOf(keys.getLast(), hashes);
        for (int i = keys.size() - 2; i >= 0; i--) {
            hash = MerkleHash.nodeHash(hashOf(keys.get(i), hashes), hash);
        }
        return hash;
    }

    private static byte[] hashOf(SubtreeKey key, Map<SubtreeKey, byte[]> hashes) {
        byte[] hash = hashes.get(key);
        if (hash == null) {
            throw new TrustException(TrustError.LOG_INCONSISTENT, "the log has lost the hash of subtree " + key);
        }
        return hash;
    }
}
