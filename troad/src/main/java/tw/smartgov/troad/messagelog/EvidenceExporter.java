package tw.smartgov.troad.messagelog;

import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.log.InclusionProof;
import tw.smartgov.trust.log.LogEvidence;
import tw.smartgov.trust.log.SignedTreeHead;
import tw.smartgov.trust.log.TransparencyLogs;
import tw.smartgov.trust.log.TreeHeadPublisher;

/**
 * Builds {@link MessageEvidence} from a message log: every record against one signed,
 * time-stamped tree head covering them all (signing a new head when the latest does not cover
 * them yet). Evidence cannot be exported while that head still waits for its time-stamp.
 */
@Component
class EvidenceExporter {
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private final TransparencyLogs logs;
    private final TreeHeadPublisher publisher;
    private final CertificateAuthority ca;
    private final MessageLogs messageLogs;

    EvidenceExporter(
            TransparencyLogs logs, TreeHeadPublisher publisher, CertificateAuthority ca, MessageLogs messageLogs) {
        this.logs = logs;
        this.publisher = publisher;
        this.ca = ca;
        this.messageLogs = messageLogs;
    }

    /** Evidence of every record of {@code xRoadId} in {@code log}; empty if there is none. */
    Optional<MessageEvidence> forXRoadId(String log, String xRoadId) {
        logs.awaitStored(log);
        List<Long> leaves = messageLogs.index().leaves(log, xRoadId);
        return leaves.isEmpty() ? Optional.empty() : Optional.of(evidence(log, xRoadId, leaves));
    }

    /** Evidence of the single record at {@code leaf}. */
    MessageEvidence forLeaf(String log, long leaf) {
        return evidence(log, null, List.of(leaf));
    }

    /** The chains (PEM) of the signers that these records' signatures name by thumbprint. */
    List<String> signerCertificates(List<LogEvidence.Inclusion> records) {
        List<String> thumbprints = records.stream()
                .flatMap(r -> MessageEntry.decode(Base64.getDecoder().decode(r.entry())).signerThumbprints().stream())
                .distinct()
                .toList();
        return messageLogs.signers().chains(thumbprints);
    }

    List<LogEvidence.Inclusion> inclusions(String log, List<Long> leaves, SignedTreeHead head) {
        String crl = crl();
        return leaves.stream().map(leaf -> inclusion(log, leaf, head, crl)).toList();
    }

    /** A time-stamped signed head of {@code log} covering {@code leaf}. */
    SignedTreeHead stampedHeadCovering(String log, long leaf) {
        SignedTreeHead head = publisher
                .latest(log)
                .filter(h -> h.treeSize() > leaf && h.isTimeStamped())
                .orElseGet(() -> publisher.publish(log));
        if (head.treeSize() <= leaf) {
            throw new TrustException(TrustError.TREE_SIZE_OUT_OF_RANGE, "log " + log + " has no record " + leaf);
        }
        if (!head.isTimeStamped()) {
            throw new TrustException(
                    TrustError.TSA_UNAVAILABLE,
                    "the tree head covering record " + leaf + " of log " + log
                            + " still waits for its RFC 3161 time-stamp; export again once the TSA answers");
        }
        return head;
    }

    private MessageEvidence evidence(String log, @Nullable String xRoadId, List<Long> leaves) {
        SignedTreeHead head = stampedHeadCovering(log, leaves.getLast());
        List<String> crls = messageLogs.evidenceCrls(log).stream()
                .map(EvidenceExporter::encode)
                .toList();
        var records = inclusions(log, leaves, head);
        return new MessageEvidence(MessageEvidence.TYPE, log, xRoadId, records, crls, signerCertificates(records));
    }

    private LogEvidence.Inclusion inclusion(String log, long leaf, SignedTreeHead head, String crl) {
        InclusionProof proof = logs.inclusionProof(log, leaf, head.treeSize());
        byte[] token = head.timestampToken();
        return new LogEvidence.Inclusion(
                LogEvidence.INCLUSION_TYPE,
                log,
                leaf,
                head.treeSize(),
                B64.encodeToString(logs.entry(log, leaf)),
                proof.path().stream().map(B64::encodeToString).toList(),
                new LogEvidence.TreeHead(head.jws(), token == null ? null : B64.encodeToString(token)),
                crl);
    }

    private String crl() {
        return encode(ca.crl());
    }

    private static String encode(X509CRL crl) {
        try {
            return B64.encodeToString(crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("a CRL cannot be encoded", e);
        }
    }
}
