package tw.smartgov.trust.signature;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tw.smartgov.trust.merkle.BatchTree;
import tw.smartgov.trust.merkle.MerkleHash;

/**
 * Signs many messages with one ECDSA signature: the messages' digests become the leaves of an RFC
 * 9162 Merkle tree, the root is signed once, and each message gets its audit path. A verifier
 * checks a path with a few hashes and each batch signature once ({@link BatchVerifier}).
 *
 * <p>Thread-safe. For signing as messages arrive, see {@link BatchingSigner}.
 */
public final class BatchSigner {
    static final String TYPE = "smartgov-batch+jwt";
    private final JwsSigner signer;
    private final Clock clock;

    public BatchSigner(JwsSigner signer) {
        this(signer, Clock.systemUTC());
    }

    public BatchSigner(JwsSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * Signs the given message digests (any length, typically SHA-256 or SHA-512) as one batch.
     *
     * @return one signature per digest, in the same order
     */
    public List<BatchSignature> sign(List<byte[]> messageDigests) {
        if (messageDigests.isEmpty()) {
            return List.of();
        }
        List<byte[]> leaves = new ArrayList<>(messageDigests.size());
        for (byte[] digest : messageDigests) {
            leaves.add(MerkleHash.leafHash(digest));
        }
        BatchTree tree = new BatchTree(leaves);
        String rootJws = signer.signJson(rootDocument(tree), new JwsHeaders(TYPE, null));
        List<BatchSignature> signatures = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            signatures.add(new BatchSignature(rootJws, i, leaves.size(), tree.path(i)));
        }
        return signatures;
    }

    /**
     * Computes one nonce ahead for a later signature, on the calling thread, if the signer uses
     * nonces computed ahead ({@link JwsSigner.Nonces#COMPUTED_AHEAD}) and fewer than it keeps are
     * ready; otherwise does nothing.
     */
    public void computeNonceAhead() {
        signer.computeNonceAhead();
    }

    private String rootDocument(BatchTree tree) {
        return "{\"root\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(tree.root())
                + "\",\"signedAt\":\"" + clock.instant() + "\",\"size\":" + tree.size() + "}";
    }
}
