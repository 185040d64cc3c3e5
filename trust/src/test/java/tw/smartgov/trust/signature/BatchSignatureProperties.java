package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.merkle.AuditPath;
import tw.smartgov.trust.merkle.BatchTree;
import tw.smartgov.trust.merkle.MerkleHash;
import tw.smartgov.trust.testing.RandomCases;

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

    @Test
    void everyMessageOfABatchVerifiesAgainstTheOneRootSignature() {
        RandomCases.check(60, random -> {
            int n = random.intBetween(1, 300);
            int seed = random.intBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
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
        });
    }

    @Test
    void theBatchTreeIsTheRfc9162Tree() {
        RandomCases.check(60, random -> {
            int n = random.intBetween(1, 300);
            int seed = random.intBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
            var leaves = digests(n, seed).stream().map(MerkleHash::leafHash).toList();
            var tree = new BatchTree(leaves);
            for (int i = 0; i < n; i++) {
                // the RFC 9162 audit path check the logs use is the reference
                AuditPath.verify(i, n, tree.path(i), leaves.get(i), tree.root());
            }
        });
    }

    @Test
    void aMessageOutsideTheBatchOrAtAnotherIndexIsRefused() {
        RandomCases.check(40, random -> {
            int n = random.intBetween(2, 100);
            int pick = random.intBetween(0, 99);
            int i = pick % n;
            var digests = digests(n, pick);
            var signatures = SIGNER.sign(digests);
            byte[] other = digests(1, -pick - 1).getFirst();
            assertRefused(() -> VERIFIER.verify(other, signatures.get(i)));
            assertRefused(() -> VERIFIER.verify(digests.get((i + 1) % n), signatures.get(i)));
            var s = signatures.get(i);
            assertRefused(() -> VERIFIER.verify(
                    digests.get(i), new BatchSignature(s.rootJws(), s.index(), s.size() + 1, s.path())));
        });
    }

    @Test
    void aTamperedPathIsRefused() {
        RandomCases.check(40, random -> {
            int n = random.intBetween(2, 200);
            int bit = random.intBetween(0, 255);
            var digests = digests(n, bit);
            var s = SIGNER.sign(digests).get(bit % n);
            List<byte[]> path = new ArrayList<>(s.path());
            byte[] hash = path.get(bit % path.size()).clone();
            hash[(bit / 8) % hash.length] ^= (byte) (1 << (bit % 8));
            path.set(bit % path.size(), hash);
            assertRefused(() ->
                    VERIFIER.verify(digests.get(bit % n), new BatchSignature(s.rootJws(), s.index(), s.size(), path)));
        });
    }

    @Test
    void concurrentMessagesShareBatchesAndAllVerify() {
        RandomCases.check(10, random -> {
            int n = random.intBetween(1, 500);
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
        });
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(TrustException.class)
                .extracting(e -> ((TrustException) e).error())
                .isEqualTo(TrustError.SIGNATURE_INVALID);
    }
}
