package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.merkle.BatchTree;
import tw.smartgov.trust.merkle.MerkleHash;

class BatchSignatureProperties {
    static final CertificateAuthority CA = TestPki.newCa();
    static final SigningIdentity IDENTITY = TestPki.identity(CA, CertificateProfile.SIGNING);
    static final BatchSigner SIGNER = new BatchSigner(new JwsSigner(IDENTITY));
    static final BatchVerifier VERIFIER =
            new BatchVerifier(new JwsVerifier(new CertificateValidator(List.of(CA.root()), CA.revocationSource())));

    static List<byte[]> digests(int n, int seed) throws Exception {
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            digests.add(MessageDigest.getInstance("SHA-256").digest(("message " + seed + "/" + i).getBytes()));
        }
        return digests;
    }

    @Property(tries = 60)
    void everyMessageOfABatchVerifiesAgainstTheOneRootSignature(
            @ForAll @IntRange(min = 1, max = 300) int n, @ForAll int seed) throws Exception {
        var digests = digests(n, seed);
        var signatures = SIGNER.sign(digests);
        assertThat(signatures).hasSize(n);
        assertThat(signatures)
                .extracting(BatchSignature::rootJws)
                .containsOnly(signatures.getFirst().rootJws());
        for (int i = 0; i < n; i++) {
            var parsed = BatchSignature.parse(signatures.get(i).encoded());
            assertThat(VERIFIER.verify(digests.get(i), parsed)).isEqualTo(IDENTITY.certificate());
        }
    }

    @Property(tries = 60)
    void theBatchTreeIsTheRfc9162Tree(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll int seed) throws Exception {
        var leaves = digests(n, seed).stream().map(MerkleHash::leafHash).toList();
        var tree = new BatchTree(leaves);
        for (int i = 0; i < n; i++) {
            // the log module's RFC 9162 verifier is the reference
            new tw.smartgov.trust.log.InclusionProof(i, n, tree.path(i)).verify(leaves.get(i), tree.root());
        }
    }

    @Property(tries = 40)
    void aMessageOutsideTheBatchOrAtAnotherIndexIsRefused(
            @ForAll @IntRange(min = 2, max = 100) int n, @ForAll @IntRange(min = 0, max = 99) int pick)
            throws Exception {
        int i = pick % n;
        var digests = digests(n, pick);
        var signatures = SIGNER.sign(digests);
        byte[] other = digests(1, -pick - 1).getFirst();
        assertRefused(() -> VERIFIER.verify(other, signatures.get(i)));
        assertRefused(() -> VERIFIER.verify(digests.get((i + 1) % n), signatures.get(i)));
        var s = signatures.get(i);
        assertRefused(() ->
                VERIFIER.verify(digests.get(i), new BatchSignature(s.rootJws(), s.index(), s.size() + 1, s.path())));
    }

    @Property(tries = 40)
    void aTamperedPathIsRefused(
            @ForAll @IntRange(min = 2, max = 200) int n, @ForAll @IntRange(min = 0, max = 255) int bit)
            throws Exception {
        var digests = digests(n, bit);
        var s = SIGNER.sign(digests).get(bit % n);
        List<byte[]> path = new ArrayList<>(s.path());
        byte[] hash = path.get(bit % path.size()).clone();
        hash[(bit / 8) % hash.length] ^= (byte) (1 << (bit % 8));
        path.set(bit % path.size(), hash);
        assertRefused(() ->
                VERIFIER.verify(digests.get(bit % n), new BatchSignature(s.rootJws(), s.index(), s.size(), path)));
    }

    @Property(tries = 10)
    void concurrentMessagesShareBatchesAndAllVerify(@ForAll @IntRange(min = 1, max = 500) int n) throws Exception {
        var digests = digests(n, n);
        try (var batching =
                new BatchingSigner(SIGNER, new SignaturePacing(128, Duration.ZERO, Double.MAX_VALUE, 1), "test")) {
            List<CompletableFuture<BatchSignature>> futures = new ArrayList<>();
            digests.parallelStream().map(batching::sign).toList().forEach(futures::add);
            for (var f : futures) {
                var s = f.get();
                assertThat(s.size()).isBetween(1L, 128L);
            }
            for (int i = 0; i < n; i++) {
                var s = batching.sign(digests.get(i)).get();
                VERIFIER.verify(digests.get(i), s);
            }
        }
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(TrustException.class)
                .extracting(e -> ((TrustException) e).error())
                .isEqualTo(TrustError.SIGNATURE_INVALID);
    }
}
