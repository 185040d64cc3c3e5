package tw.smartgov.trust.log;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.RevocationSource;
import tw.smartgov.trust.merkle.MerkleHash;
import tw.smartgov.trust.signature.JwsVerifier;
import tw.smartgov.trust.signature.VerifiedJws;
import tw.smartgov.trust.timestamp.TimeStampVerifier;
import tw.smartgov.trust.timestamp.VerifiedTimeStamp;

/**
 * Checks {@link LogEvidence} offline, given only the root certificate to trust: the tree heads'
 * signatures and certificate chains (with revocation, from the CRL in the evidence or a newer one
 * given here), their RFC 3161 time-stamps, and the Merkle proofs. A head's chain is checked at its
 * time-stamp's time, so evidence stays verifiable after the log's certificate expired.
 *
 * <p>Every failure is a {@link TrustException} saying which check failed.
 */
public final class LogEvidenceVerifier {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<X509Certificate> anchors;
    private final List<X509CRL> extraCrls;

    /** A verified tree head and the checks that passed, in order, for a person to read. */
    public record Result(
            String log,
            long treeSize,
            Instant signedAt,
            @Nullable Instant timeStampedAt,
            String signer,
            List<String> checks) {}

    private record HeadPayload(String log, String rootHash, String signedAt, long treeSize) {}

    public LogEvidenceVerifier(X509Certificate anchor, @Nullable X509CRL newerCrl) {
        this(List.of(anchor), newerCrl == null ? List.of() : List.of(newerCrl));
    }

    /**
     * @param anchors root certificates to trust (a security server's own CA and the central CA)
     * @param extraCrls CRLs to consult besides the one in the evidence (for instance newer ones)
     */
    public LogEvidenceVerifier(List<X509Certificate> anchors, List<X509CRL> extraCrls) {
        this.anchors = List.copyOf(anchors);
        this.extraCrls = List.copyOf(extraCrls);
    }

    public Result verify(LogEvidence.Inclusion evidence) {
        List<String> checks = new ArrayList<>();
        requireType(evidence.type(), LogEvidence.INCLUSION_TYPE);
        var head = head(evidence.treeHead(), evidence.log(), evidence.crl(), checks);
        if (head.payload().treeSize() != evidence.treeSize()) {
            throw invalid("the proof is for tree size " + evidence.treeSize() + " but the signed head is for "
                    + head.payload().treeSize());
        }
        byte[] entry = LogEvidence.unb64(evidence.entry(), "entry");
        var proof = new InclusionProof(evidence.leafIndex(), evidence.treeSize(), hashes(evidence.auditPath()));
        proof.verify(MerkleHash.leafHash(entry), root(head.payload()));
        checks.add("entry " + evidence.leafIndex() + " (" + entry.length + " bytes) is in the tree of size "
                + evidence.treeSize() + " (RFC 9162 inclusion proof, "
                + proof.path().size() + " hashes)");
        return head.result(checks);
    }

    public Result verify(LogEvidence.Consistency evidence) {
        List<String> checks = new ArrayList<>();
        requireType(evidence.type(), LogEvidence.CONSISTENCY_TYPE);
        var first = head(evidence.first(), evidence.log(), evidence.crl(), checks);
        var second = head(evidence.second(), evidence.log(), evidence.crl(), checks);
        var proof = new ConsistencyProof(
                first.payload().treeSize(), second.payload().treeSize(), hashes(evidence.proof()));
        proof.verify(root(first.payload()), root(second.payload()));
        checks.add("the tree of size " + second.payload().treeSize() + " extends the tree of size "
                + first.payload().treeSize() + " (RFC 9162 consistency proof, "
                + proof.path().size() + " hashes)");
        return second.result(checks);
    }

    private record Head(
            HeadPayload payload, VerifiedJws jws, @Nullable Instant stampedAt) {
        Result result(List<String> checks) {
            return new Result(
                    payload.log(),
                    payload.treeSize(),
                    Instant.parse(payload.signedAt()),
                    stampedAt,
                    jws.signer().getSubjectX500Principal().getName(),
                    List.copyOf(checks));
        }
    }

    private Head head(LogEvidence.TreeHead head, String log, @Nullable String crl, List<String> checks) {
        if (head == null || head.jws() == null) {
            throw new TrustException(TrustError.MALFORMED_PROOF, "the evidence has no signed tree head");
        }
        var validator = new CertificateValidator(anchors, revocation(crl));
        Instant at = Instant.now();
        Instant stampedAt = null;
        if (head.timestampToken() != null) {
            VerifiedTimeStamp stamp = new TimeStampVerifier(anchors, List.of())
                    .verify(
                            LogEvidence.unb64(head.timestampToken(), "time-stamp token"),
                            head.jws().getBytes(StandardCharsets.US_ASCII));
            at = stampedAt = stamp.genTime();
            checks.add("time-stamp by " + stamp.tsaSubject().getName() + " at " + stamp.genTime() + " verifies");
        } else {
            checks.add("the tree head is not time-stamped yet: its certificate is checked as of now");
        }
        VerifiedJws jws = new JwsVerifier(validator).verifyAt(head.jws(), at);
        if (!SignedTreeHead.TYPE.equals(jws.type())) {
            throw invalid("the signed document is not a tree head (typ " + jws.type() + ")");
        }
        HeadPayload payload = payload(jws);
        if (!payload.log().equals(log)) {
            throw invalid("the tree head is for log '" + payload.log() + "', not '" + log + "'");
        }
        checks.add("tree head of log '" + log + "' at size " + payload.treeSize() + " is signed by "
                + jws.signer().getSubjectX500Principal().getName() + ", chained to the anchor, not revoked");
        return new Head(payload, jws, stampedAt);
    }

    private RevocationSource revocation(@Nullable String crlInEvidence) {
        List<X509CRL> crls = new ArrayList<>(extraCrls);
        if (crlInEvidence != null) {
            try {
                crls.add((X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(LogEvidence.unb64(crlInEvidence, "crl"))));
            } catch (CertificateException | CRLException e) {
                throw new TrustException(TrustError.MALFORMED_PROOF, "the CRL in the evidence does not parse");
            }
        }
        // a newer CRL given by the verifier's user comes first, so it wins over the exported one
        return RevocationSource.offline(crls.toArray(X509CRL[]::new));
    }

    private static HeadPayload payload(VerifiedJws jws) {
        try {
            return JSON.readValue(jws.payload(), HeadPayload.class);
        } catch (JacksonException e) {
            throw new TrustException(TrustError.MALFORMED_PROOF, "the signed tree head is not valid JSON");
        }
    }

    private static byte[] root(HeadPayload payload) {
        return LogEvidence.unb64(payload.rootHash(), "root hash");
    }

    private static List<byte[]> hashes(@Nullable List<String> encoded) {
        if (encoded == null) {
            throw new TrustException(TrustError.MALFORMED_PROOF, "the proof path is missing");
        }
        return encoded.stream().map(h -> LogEvidence.unb64(h, "a proof hash")).toList();
    }

    private static void requireType(@Nullable String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF, "expected a '" + expected + "' document, got '" + actual + "'");
        }
    }

    private static TrustException invalid(String why) {
        return new TrustException(TrustError.PROOF_INVALID, why);
    }
}
