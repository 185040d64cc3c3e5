package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.trust.log.ExhaustiveProofTest.assertRejected;
import static tw.smartgov.trust.log.Rfc6962VectorsTest.ROOTS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.merkle.MerkleHash;

/** Edge cases of verification that random trees rarely reach. */
class ProofVerificationTest {
    private static final InMemorySubtreeStore STORE = InMemorySubtreeStore.of(Rfc6962VectorsTest.leafHashes());
    private static final byte[] LEAF_0 = Rfc6962VectorsTest.leafHashes().getFirst();

    @Test
    void consistencyFromTheEmptyTreeNeedsTheEmptyRootAndNoPath() {
        new ConsistencyProof(0, 8, List.of()).verify(MerkleHash.emptyRoot(), ROOTS.get(7));

        assertRejected(new ConsistencyProof(0, 8, List.of()), ROOTS.get(0), ROOTS.get(7), TrustError.PROOF_INVALID);
        assertRejected(
                new ConsistencyProof(0, 8, List.of(ROOTS.get(0))),
                MerkleHash.emptyRoot(),
                ROOTS.get(7),
                TrustError.MALFORMED_PROOF);
    }

    @Test
    void consistencyOfEqualSizesNeedsEqualRootsAndNoPath() {
        new ConsistencyProof(5, 5, List.of()).verify(ROOTS.get(4), ROOTS.get(4));

        assertRejected(new ConsistencyProof(5, 5, List.of()), ROOTS.get(4), ROOTS.get(5), TrustError.PROOF_INVALID);
        assertRejected(
                new ConsistencyProof(5, 5, List.of(ROOTS.get(4))),
                ROOTS.get(4),
                ROOTS.get(4),
                TrustError.MALFORMED_PROOF);
    }

    @Test
    void shrinkingTreeIsMalformed() {
        assertRejected(new ConsistencyProof(6, 5, List.of()), ROOTS.get(5), ROOTS.get(4), TrustError.MALFORMED_PROOF);
    }

    @Test
    void leafIndexOutsideTheTreeIsMalformed() {
        assertRejected(new InclusionProof(8, 8, List.of()), LEAF_0, ROOTS.get(7), TrustError.MALFORMED_PROOF);
        assertRejected(new InclusionProof(-1, 8, List.of()), LEAF_0, ROOTS.get(7), TrustError.MALFORMED_PROOF);
        assertRejected(new InclusionProof(0, 0, List.of()), LEAF_0, MerkleHash.emptyRoot(), TrustError.MALFORMED_PROOF);
    }

    @Test
    void hashesOfTheWrongLengthAreMalformed() {
        InclusionProof proof = ProofGenerator.inclusion(STORE, 0, 8);

        assertRejected(proof, new byte[31], ROOTS.get(7), TrustError.MALFORMED_PROOF);
        assertRejected(proof, LEAF_0, new byte[33], TrustError.MALFORMED_PROOF);
        assertRejected(ProofGenerator.consistency(STORE, 3, 8), new byte[0], ROOTS.get(7), TrustError.MALFORMED_PROOF);
    }

    @Test
    void singleLeafTreeProvesItselfWithAnEmptyPath() {
        new InclusionProof(0, 1, List.of()).verify(LEAF_0, ROOTS.get(0));

        assertRejected(new InclusionProof(0, 1, List.of()), LEAF_0, ROOTS.get(1), TrustError.PROOF_INVALID);
    }

    @Test
    void proofCannotBeChangedThroughItsPath() {
        List<byte[]> path =
                new ArrayList<>(ProofGenerator.inclusion(STORE, 5, 8).path());
        InclusionProof proof = new InclusionProof(5, 8, path);

        path.getFirst()[0] ^= 1;
        proof.path().getFirst()[0] ^= 1;

        proof.verify(MerkleHash.leafHash(Rfc6962VectorsTest.LEAVES.get(5)), ROOTS.get(7));
        assertThat(proof).isEqualTo(ProofGenerator.inclusion(STORE, 5, 8));
    }
}
