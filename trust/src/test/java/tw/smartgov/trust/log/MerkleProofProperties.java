package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.trust.log.ExhaustiveProofTest.assertRejected;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.MerkleHash;

/** Random trees of up to 300 leaves: generated proofs agree with the RFC 9162 reference and resist tampering. */
class MerkleProofProperties {
    private static final int MAX_SIZE = 300;
    private static final List<byte[]> ENTRIES = ExhaustiveProofTest.entries(MAX_SIZE);
    private static final ReferenceMerkle REFERENCE = ReferenceMerkle.ofEntries(ENTRIES);
    private static final InMemorySubtreeStore STORE =
            InMemorySubtreeStore.of(ENTRIES.stream().map(MerkleHash::leafHash).toList());

    record Leaf(long index, long size) {}

    record Sizes(long oldSize, long newSize) {}

    @Provide
    Arbitrary<Leaf> leaves() {
        return Arbitraries.longs()
                .between(1, MAX_SIZE)
                .flatMap(size -> Arbitraries.longs().between(0, size - 1).map(index -> new Leaf(index, size)));
    }

    @Provide
    Arbitrary<Sizes> sizes() {
        return Arbitraries.longs()
                .between(1, MAX_SIZE)
                .flatMap(size -> Arbitraries.longs().between(0, size).map(old -> new Sizes(old, size)));
    }

    @Property
    void generatedInclusionProofMatchesReferenceAndVerifies(@ForAll("leaves") Leaf leaf) {
        InclusionProof proof = ProofGenerator.inclusion(STORE, leaf.index(), leaf.size());

        assertThat(proof.path()).containsExactlyElementsOf(REFERENCE.path(leaf.index(), leaf.size()));
        assertThat(proof.rootFrom(leafHash(leaf.index()))).isEqualTo(REFERENCE.root(leaf.size()));
        proof.verify(leafHash(leaf.index()), REFERENCE.root(leaf.size()));
    }

    @Property
    void generatedConsistencyProofMatchesReferenceAndVerifies(@ForAll("sizes") Sizes sizes) {
        ConsistencyProof proof = ProofGenerator.consistency(STORE, sizes.oldSize(), sizes.newSize());

        if (sizes.oldSize() > 0) {
            assertThat(proof.path()).containsExactlyElementsOf(REFERENCE.proof(sizes.oldSize(), sizes.newSize()));
        }
        proof.verify(REFERENCE.root(sizes.oldSize()), REFERENCE.root(sizes.newSize()));
    }

    @Property
    void proofGenerationFetchesSubtreesInOneBatch(@ForAll("leaves") Leaf leaf) {
        InMemorySubtreeStore store = InMemorySubtreeStore.of(ENTRIES.subList(0, (int) leaf.size()).stream()
                .map(MerkleHash::leafHash)
                .toList());

        ProofGenerator.inclusion(store, leaf.index(), leaf.size());
        ProofGenerator.consistency(store, leaf.index() + 1, leaf.size());

        assertThat(store.fetches()).isLessThanOrEqualTo(2);
    }

    @Property
    void tamperedInclusionProofIsRejected(
            @ForAll("leaves") Leaf leaf, @ForAll @IntRange(max = 1000) int hash, @ForAll @IntRange(max = 255) int bit) {
        List<byte[]> path = REFERENCE.path(leaf.index(), leaf.size());
        if (path.isEmpty()) {
            return;
        }
        var tampered = new InclusionProof(leaf.index(), leaf.size(), Tampering.flipBit(path, hash % path.size(), bit));
        assertRejected(tampered, leafHash(leaf.index()), REFERENCE.root(leaf.size()), TrustError.PROOF_INVALID);
    }

    @Property
    void tamperedConsistencyProofIsRejected(
            @ForAll("sizes") Sizes sizes,
            @ForAll @IntRange(max = 1000) int hash,
            @ForAll @IntRange(max = 255) int bit) {
        if (sizes.oldSize() == 0 || sizes.oldSize() == sizes.newSize()) {
            return;
        }
        List<byte[]> path = REFERENCE.proof(sizes.oldSize(), sizes.newSize());
        var tampered = new ConsistencyProof(
                sizes.oldSize(), sizes.newSize(), Tampering.flipBit(path, hash % path.size(), bit));
        assertRejected(tampered, REFERENCE.root(sizes.oldSize()), REFERENCE.root(sizes.newSize()));
    }

    @Property
    void inclusionProofForAnotherIndexOrSizeIsRejected(@ForAll("leaves") Leaf leaf, @ForAll("leaves") Leaf other) {
        List<byte[]> path = REFERENCE.path(leaf.index(), leaf.size());
        byte[] leafHash = leafHash(leaf.index());
        if (other.index() != leaf.index() && other.index() < leaf.size()) {
            assertRejected(new InclusionProof(other.index(), leaf.size(), path), leafHash, REFERENCE.root(leaf.size()));
        }
        if (other.size() != leaf.size() && leaf.index() < other.size()) {
            var proof = new InclusionProof(leaf.index(), other.size(), path);
            assertRejected(proof, leafHash, REFERENCE.root(other.size()));
        }
    }

    @Property
    void consistencyProofForOtherSizesIsRejected(@ForAll("sizes") Sizes sizes, @ForAll("sizes") Sizes other) {
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
    }

    @Property
    void truncatedOrExtendedPathIsMalformed(@ForAll("sizes") Sizes sizes) {
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
    }

    @Property
    void frontierRootMatchesReferenceAndSurvivesSerialization(@ForAll @IntRange(min = 0, max = MAX_SIZE) int size) {
        Frontier frontier = Frontier.empty();
        ENTRIES.subList(0, size).forEach(e -> frontier.append(MerkleHash.leafHash(e), (key, hash) -> {}));

        Frontier restored = Frontier.fromBytes(frontier.toBytes());

        assertThat(restored.size()).isEqualTo(size);
        assertThat(restored.root()).isEqualTo(REFERENCE.root(size));
        assertThat(restored.keys()).hasSize(Long.bitCount(size));
    }

    private static byte[] leafHash(long index) {
        return MerkleHash.leafHash(ENTRIES.get((int) index));
    }
}
