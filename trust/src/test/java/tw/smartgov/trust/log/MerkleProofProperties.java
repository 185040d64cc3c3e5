package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.trust.log.ExhaustiveProofTest.assertRejected;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.MerkleHash;
import tw.smartgov.trust.testing.RandomCases;

/** Random trees of up to 300 leaves: generated proofs agree with the RFC 9162 reference and resist tampering. */
class MerkleProofProperties {
    private static final int MAX_SIZE = 300;
    private static final List<byte[]> ENTRIES = ExhaustiveProofTest.entries(MAX_SIZE);
    private static final ReferenceMerkle REFERENCE = ReferenceMerkle.ofEntries(ENTRIES);
    private static final InMemorySubtreeStore STORE =
            InMemorySubtreeStore.of(ENTRIES.stream().map(MerkleHash::leafHash).toList());

    record Leaf(long index, long size) {}

    record Sizes(long oldSize, long newSize) {}

    // jqwik's default, which these properties ran with
    private static final int TRIES = 1000;

    static Leaf leaf(RandomCases.Generator random) {
        long size = random.longBetween(1, MAX_SIZE);
        return new Leaf(random.longBetween(0, size - 1), size);
    }

    static Sizes sizes(RandomCases.Generator random) {
        long size = random.longBetween(1, MAX_SIZE);
        return new Sizes(random.longBetween(0, size), size);
    }

    @Test
    void generatedInclusionProofMatchesReferenceAndVerifies() {
        RandomCases.check(TRIES, random -> {
            Leaf leaf = leaf(random);
            InclusionProof proof = ProofGenerator.inclusion(STORE, leaf.index(), leaf.size());

            assertThat(proof.path()).containsExactlyElementsOf(REFERENCE.path(leaf.index(), leaf.size()));
            assertThat(proof.rootFrom(leafHash(leaf.index()))).isEqualTo(REFERENCE.root(leaf.size()));
            proof.verify(leafHash(leaf.index()), REFERENCE.root(leaf.size()));
        });
    }

    @Test
    void generatedConsistencyProofMatchesReferenceAndVerifies() {
        RandomCases.check(TRIES, random -> {
            Sizes sizes = sizes(random);
            ConsistencyProof proof = ProofGenerator.consistency(STORE, sizes.oldSize(), sizes.newSize());

            if (sizes.oldSize() > 0) {
                assertThat(proof.path()).containsExactlyElementsOf(REFERENCE.proof(sizes.oldSize(), sizes.newSize()));
            }
            proof.verify(REFERENCE.root(sizes.oldSize()), REFERENCE.root(sizes.newSize()));
        });
    }

    @Test
    void proofGenerationFetchesSubtreesInOneBatch() {
        RandomCases.check(TRIES, random -> {
            Leaf leaf = leaf(random);
            InMemorySubtreeStore store = InMemorySubtreeStore.of(ENTRIES.subList(0, (int) leaf.size()).stream()
                    .map(MerkleHash::leafHash)
                    .toList());

            ProofGenerator.inclusion(store, leaf.index(), leaf.size());
            ProofGenerator.consistency(store, leaf.index() + 1, leaf.size());

            assertThat(store.fetches()).isLessThanOrEqualTo(2);
        });
    }

    @Test
    void tamperedInclusionProofIsRejected() {
        RandomCases.check(TRIES, random -> {
            Leaf leaf = leaf(random);
            int hash = random.intBetween(0, 1000);
            int bit = random.intBetween(0, 255);
            List<byte[]> path = REFERENCE.path(leaf.index(), leaf.size());
            if (path.isEmpty()) {
                return;
            }
            var tampered =
                    new InclusionProof(leaf.index(), leaf.size(), Tampering.flipBit(path, hash % path.size(), bit));
            assertRejected(tampered, leafHash(leaf.index()), REFERENCE.root(leaf.size()), TrustError.PROOF_INVALID);
        });
    }

    @Test
    void tamperedConsistencyProofIsRejected() {
        RandomCases.check(TRIES, random -> {
            Sizes sizes = sizes(random);
            int hash = random.intBetween(0, 1000);
            int bit = random.intBetween(0, 255);
            if (sizes.oldSize() == 0 || sizes.oldSize() == sizes.newSize()) {
                return;
            }
            List<byte[]> path = REFERENCE.proof(sizes.oldSize(), sizes.newSize());
            var tampered = new ConsistencyProof(
                    sizes.oldSize(), sizes.newSize(), Tampering.flipBit(path, hash % path.size(), bit));
            assertRejected(tampered, REFERENCE.root(sizes.oldSize()), REFERENCE.root(sizes.newSize()));
        });
    }

    @Test
    void inclusionProofForAnotherIndexOrSizeIsRejected() {
        RandomCases.check(TRIES, random -> {
            Leaf leaf = leaf(random);
            Leaf other = leaf(random);
            List<byte[]> path = REFERENCE.path(leaf.index(), leaf.size());
            byte[] leafHash = leafHash(leaf.index());
            if (other.index() != leaf.index() && other.index() < leaf.size()) {
                assertRejected(
                        new InclusionProof(other.index(), leaf.size(), path), leafHash, REFERENCE.root(leaf.size()));
            }
            if (other.size() != leaf.size() && leaf.index() < other.size()) {
                var proof = new InclusionProof(leaf.index(), other.size(), path);
                assertRejected(proof, leafHash, REFERENCE.root(other.size()));
            }
        });
    }

    @Test
    void consistencyProofForOtherSizesIsRejected() {
        RandomCases.check(TRIES, random -> {
            Sizes sizes = sizes(random);
            Sizes other = sizes(random);
            if (sizes.oldSize() == 0 || sizes.oldSize() == sizes.newSize()) {
                return;
            }
            List<byte[]> path = REFERENCE.proof(sizes.oldSize(), sizes.newSize());
            long otherOld = Math.max(1, other.oldSize());
            if (otherOld != sizes.oldSize() && otherOld <= sizes.newSize()) {
                var proof = new ConsistencyProof(otherOld, sizes.newSize(), path);
                assertRejected(proof, REFERENCE.root(otherOld), REFERENCE.root(sizes.newSize()));
            }
            if (other.newSize() != sizes.newSize() && other.newSize() >= sizes.oldSize()) {
                var proof = new ConsistencyProof(sizes.oldSize(), other.newSize(), path);
                assertRejected(proof, REFERENCE.root(sizes.oldSize()), REFERENCE.root(other.newSize()));
            }
        });
    }

    @Test
    void truncatedOrExtendedPathIsMalformed() {
        RandomCases.check(TRIES, random -> {
            Sizes sizes = sizes(random);
            if (sizes.oldSize() == 0 || sizes.oldSize() == sizes.newSize()) {
                return;
            }
            List<byte[]> path = REFERENCE.proof(sizes.oldSize(), sizes.newSize());
            byte[] oldRoot = REFERENCE.root(sizes.oldSize());
            byte[] newRoot = REFERENCE.root(sizes.newSize());
            for (List<byte[]> spoiled : List.of(
                    Tampering.truncated(path), Tampering.extended(path, newRoot), Tampering.prepended(path, oldRoot))) {
                var proof = new ConsistencyProof(sizes.oldSize(), sizes.newSize(), spoiled);
                assertRejected(proof, oldRoot, newRoot, TrustError.MALFORMED_PROOF);
            }
        });
    }

    @Test
    void frontierRootMatchesReferenceAndSurvivesSerialization() {
        RandomCases.check(TRIES, random -> {
            int size = random.intBetween(0, MAX_SIZE);
            Frontier frontier = Frontier.empty();
            ENTRIES.subList(0, size).forEach(e -> frontier.append(MerkleHash.leafHash(e), (key, hash) -> {}));

            Frontier restored = Frontier.fromBytes(frontier.toBytes());

            assertThat(restored.size()).isEqualTo(size);
            assertThat(restored.root()).isEqualTo(REFERENCE.root(size));
            assertThat(restored.keys()).hasSize(Long.bitCount(size));
        });
    }

    private static byte[] leafHash(long index) {
        return MerkleHash.leafHash(ENTRIES.get((int) index));
    }
}
