package tw.smartgov.trust.signature;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.merkle.AuditPath;
import tw.smartgov.trust.merkle.MerkleHash;

/**
 * Verifies {@link BatchSignature}s. Each batch's root signature (and its certificate chain,
 * including revocation) is verified once and remembered for {@code rememberFor}, so verifying a
 * batch of n messages costs one ECDSA verification and n short hash paths.
 */
public final class BatchVerifier {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REMEMBERED = 50_000;

    private final JwsVerifier verifier;
    private final Clock clock;
    private final Duration rememberFor;
    private final ConcurrentHashMap<String, SignedRoot> verifiedRoots = new ConcurrentHashMap<>();

    public BatchVerifier(JwsVerifier verifier) {
        this(verifier, Clock.systemUTC(), Duration.ofMinutes(1));
    }

    /** @param rememberFor how long a verified root is trusted without re-checking revocation */
    public BatchVerifier(JwsVerifier verifier, Clock clock, Duration rememberFor) {
        this.verifier = verifier;
        this.clock = clock;
        this.rememberFor = rememberFor;
    }

    /**
     * @return the certificate of the signer of the batch
     * @throws TrustException {@link TrustError#SIGNATURE_INVALID} when the message is not the one
     *     signed, or any error of {@link JwsVerifier#verify} for the batch signature
     */
    public X509Certificate verify(byte[] messageDigest, BatchSignature signature) {
        return checkPath(messageDigest, signature, signedRoot(signature.rootJws()));
    }

    /**
     * Like {@link #verify}, but the signer's chain must have been valid (and not revoked) at {@code
     * at}, typically the genTime of a verified RFC 3161 time-stamp covering the signed message, so
     * that archived evidence outlives the signer's certificate. Nothing is remembered.
     */
    public X509Certificate verifyAt(byte[] messageDigest, BatchSignature signature, Instant at) {
        VerifiedJws verified = verifier.verifyAt(signature.rootJws(), at);
        if (!BatchSigner.TYPE.equals(verified.type())) {
            throw invalid("the signature is not a batch signature (typ " + verified.type() + ")");
        }
        return checkPath(messageDigest, signature, parse(verified, at));
    }

    private static X509Certificate checkPath(byte[] messageDigest, BatchSignature signature, SignedRoot root) {
        if (root.size() != signature.size()) {
            throw invalid("the batch size does not match the signed batch");
        }
        try {
            AuditPath.verify(
                    signature.index(),
                    signature.size(),
                    signature.path(),
                    MerkleHash.leafHash(messageDigest),
                    root.hash());
        } catch (TrustException e) {
            throw invalid("the message is not part of the signed batch (" + e.getMessage() + ")");
        }
        return root.signer();
    }

    private SignedRoot signedRoot(String jws) {
        Instant now = clock.instant();
        SignedRoot known = verifiedRoots.get(jws);
        if (known != null && now.isBefore(known.verifiedAt().plus(rememberFor))) {
            return known;
        }
        VerifiedJws verified = verifier.verify(jws);
        if (!BatchSigner.TYPE.equals(verified.type())) {
            throw invalid("the signature is not a batch signature (typ " + verified.type() + ")");
        }
        SignedRoot root = parse(verified, now);
        if (verifiedRoots.size() >= MAX_REMEMBERED) {
            verifiedRoots.clear();
        }
        verifiedRoots.put(jws, root);
        return root;
    }

    private static SignedRoot parse(VerifiedJws verified, Instant now) {
        try {
            RootDocument doc = JSON.readValue(verified.payload(), RootDocument.class);
            byte[] hash = Base64Url.decode(doc.root(), "the signed batch root");
            if (hash.length != MerkleHash.LENGTH || doc.size() < 1) {
                throw invalid("the signed batch root is malformed");
            }
            return new SignedRoot(hash, doc.size(), verified.signer(), now);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new TrustException(TrustError.MALFORMED_SIGNATURE, "the signed batch root is not valid JSON", e);
        }
    }

    private static TrustException invalid(String why) {
        return new TrustException(TrustError.SIGNATURE_INVALID, why);
    }

    private record RootDocument(String root, String signedAt, long size) {}

    private record SignedRoot(byte[] hash, long size, X509Certificate signer, Instant verifiedAt) {}
}
