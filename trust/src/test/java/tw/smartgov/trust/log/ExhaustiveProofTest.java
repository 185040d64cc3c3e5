package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.merkle.MerkleHash;

/** Every leaf and every pair of sizes of small trees, against the RFC 9162 reference. */
class ExhaustiveProofTest {
    private static final int MAX_SIZE = 70;
    private static final List<byte[]> ENTRIES = entries(MAX_SIZE);
    private static final ReferenceMerkle REFERENCE = ReferenceMerkle.ofEntries(ENTRIES);
    private static final InMemorySubtreeStore STORE = InMemorySubtreeStore.of(leafHashes());

    @Test
    void inclusionProofsMatchTheReferenceAndVerify() {
        for (long size = 1; size <= MAX_SIZE; size++) {
            for (long index = 0; index < size; index++) {
                InclusionProof proof = ProofGenerator.inclusion(STORE, index, size);
                assertThat(proof).isEqualTo(new InclusionProof(index, size, REFERENCE.path(index, size)));
                proof.verify(leafHash(index), REFERENCE.root(size));
            }
        }
    }

    @Test
    void consistencyProofsMatchTheReferenceAndVerify() {
        for (long newSize = 1; newSize <= MAX_SIZE; newSize++) {
            for (long oldSize = 1; oldSize <= newSize; oldSize++) {
                ConsistencyProof proof = ProofGenerator.consistency(STORE, oldSize, newSize);
                assertThat(proof).isEqualTo(new ConsistencyProof(oldSize, newSize, REFERENCE.proof(oldSize, newSize)));
                proof.verify(REFERENCE.root(oldSize), REFERENCE.root(newSize));
            }
        }
    }

    @Test
    void everySingleBitTamperOfAnInclusionPathIsRejected() {
        for (long size = 1; size <= 20; size++) {
            for (long index = 0; index < size; index++) {
                List<byte[]> path = REFERENCE.path(index, size);
                for (int hash = 0; hash < path.size(); hash++) {
                    for (int bit = 0; bit < MerkleHash.LENGTH * 8; bit++) {
                        var tampered = new InclusionProof(index, size, Tampering.flipBit(path, hash, bit));
                        assertRejected(tampered, leafHash(index), REFERENCE.root(size), TrustError.PROOF_INVALID);
                    }
                }
            }
        }
    }

    @Test
    void inclusionProofOfAnotherIndexOrSizeIsRejected() {
        for (long size = 1; size <= MAX_SIZE; size++) {
            for (long index = 0; index < size; index++) {
                List<byte[]> path = REFERENCE.path(index, size);
                for (long other = 0; other < MAX_SIZE; other++) {
                    if (other != index && other < size) {
                        assertRejected(new InclusionProof(other, size, path), leafHash(index), REFERENCE.root(size));
                    }
                    long otherSize = other + 1;
                    if (otherSize != size && index < otherSize) {
                        var proof = new InclusionProof(index, otherSize, path);
                        assertRejected(proof, leafHash(index), REFERENCE.root(otherSize));
                    }
                }
            }
        }
    }

    @Test
    void consistencyProofBetweenOtherSizesIsRejected() {
        for (long newSize = 2; newSize <= 40; newSize++) {
            for (long oldSize = 1; oldSize < newSize; oldSize++) {
                List<byte[]> path = REFERENCE.proof(oldSize, newSize);
                for (long other = 1; other <= 40; other++) {
                    if (other != oldSize && other <= newSize) {
                        var proof = new ConsistencyProof(other, newSize, path);
                        assertRejected(proof, REFERENCE.root(other), REFERENCE.root(newSize));
                    }
                    if (other != newSize && other >= oldSize) {
                        var proof = new ConsistencyProof(oldSize, other, path);
                        assertRejected(proof, REFERENCE.root(oldSize), REFERENCE.root(other));
                    }
                }
            }
        }
    }

    @Test
    void truncatedOrExtendedPathsAreMalformed() {
        var malformed = TrustError.MALFORMED_PROOF;
        for (long size = 1; size <= MAX_SIZE; size++) {
            for (long index = 0; index < size; index++) {
                byte[] leaf = leafHash(index);
                byte[] root = REFERENCE.root(size);
                List<byte[]> path = REFERENCE.path(index, size);
                assertRejected(new InclusionProof(index, size, Tampering.extended(path, root)), leaf, root, malformed);
                assertRejected(new InclusionProof(index, size, Tampering.prepended(path, root)), leaf, root, malformed);
                if (!path.isEmpty()) {
                    assertRejected(new InclusionProof(index, size, Tampering.truncated(path)), leaf, root, malformed);
                    var shortHash = new InclusionProof(index, size, Tampering.shortenedHash(path, 0));
                    assertRejected(shortHash, leaf, root, malformed);
                }
            }
        }
    }

    static void assertRejected(InclusionProof proof, byte[] leaf, byte[] root) {
        assertThatThrownBy(() -> proof.verify(leaf, root)).as("%s", proof).isInstanceOf(TrustException.class);
    }

    static void assertRejected(InclusionProof proof, byte[] leaf, byte[] root, TrustError error) {
        assertThatThrownBy(() -> proof.verify(leaf, root))
                .as("%s", proof)
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    static void assertRejected(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot) {
        assertThatThrownBy(() -> proof.verify(oldRoot, newRoot)).as("%s", proof).isInstanceOf(TrustException.class);
    }

    static void assertRejected(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot, TrustError error) {
        assertThatThrownBy(() -> proof.verify(oldRoot, newRoot))
                .as("%s", proof)
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    private static byte[] leafHash(long index) {
        return MerkleHash.leafHash(ENTRIES.get((int) index));
    }

    private static List<byte[]> leafHashes() {
        return ENTRIES.stream().map(MerkleHash::leafHash).toList();
    }

    static List<byte[]> entries(int count) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }
}
