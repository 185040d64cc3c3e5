package tw.smartgov.troad.messagelog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.RevocationSource;
import tw.smartgov.trust.log.LogEvidence;
import tw.smartgov.trust.log.LogEvidenceVerifier;
import tw.smartgov.trust.signature.BatchVerifier;
import tw.smartgov.trust.signature.JwsVerifier;
import tw.smartgov.trust.signature.SignerCertificates;

/**
 * Checks {@link MessageEvidence} offline, given only the root certificate to trust (and optionally
 * a newer CRL than those in the evidence). For each record: the inclusion proof against a signed
 * tree head that must be RFC 3161 time-stamped ({@link LogEvidenceVerifier}), then inside the
 * record the body digests, the signed digests and the request's and response's batch signatures,
 * their chains validated at the time-stamp's time. Any failure is a {@link TrustException} naming
 * the record and the check. Thread-safe.
 */
public final class MessageEvidenceVerifier {
    private final List<X509Certificate> anchors;
    private final List<X509CRL> extraCrls;

    /** The checks that passed, in order, for a person to read. */
    public record Result(String log, @Nullable String xRoadId, int records, List<String> checks) {}

    public MessageEvidenceVerifier(X509Certificate anchor, @Nullable X509CRL newerCrl) {
        this(List.of(anchor), newerCrl == null ? List.of() : List.of(newerCrl));
    }

    /**
     * @param anchors root certificates to trust: the security server's own CA (tree heads,
     *     time-stamps) and the central CA (message signatures) when they differ
     * @param extraCrls CRLs to consult besides those in the evidence, e.g. the central CA's
     */
    public MessageEvidenceVerifier(List<X509Certificate> anchors, List<X509CRL> extraCrls) {
        this.anchors = List.copyOf(anchors);
        this.extraCrls = List.copyOf(extraCrls);
    }

    public Result verify(String json) {
        return verify(MessageEvidence.fromJson(json));
    }

    public Result verify(MessageEvidence evidence) {
        if (!MessageEvidence.TYPE.equals(evidence.type())) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF,
                    "expected a '" + MessageEvidence.TYPE + "' document, got '" + evidence.type() + "'");
        }
        if (evidence.records().isEmpty()) {
            throw new TrustException(TrustError.MALFORMED_PROOF, "the evidence holds no record");
        }
        List<X509CRL> crls = crls(evidence);
        var records = new RecordChecks(new BatchVerifier(new JwsVerifier(
                new CertificateValidator(anchors, RevocationSource.offline(crls.toArray(X509CRL[]::new))),
                CertificateProfile.SIGNING,
                signers(evidence))));
        List<String> checks = new ArrayList<>();
        for (LogEvidence.Inclusion inclusion : evidence.records()) {
            try {
                checks.addAll(record(evidence, inclusion, records, crls));
            } catch (TrustException e) {
                throw new TrustException(e.error(), "record " + inclusion.leafIndex() + ": " + e.getMessage(), e);
            }
        }
        return new Result(evidence.log(), evidence.xRoadId(), evidence.records().size(), List.copyOf(checks));
    }

    private List<String> record(
            MessageEvidence evidence, LogEvidence.Inclusion inclusion, RecordChecks records, List<X509CRL> crls) {
        if (!evidence.log().equals(inclusion.log())) {
            throw invalid("the record is from log '" + inclusion.log() + "', not '" + evidence.log() + "'");
        }
        var head = new LogEvidenceVerifier(anchors, crls).verify(inclusion);
        Instant at = head.timeStampedAt();
        if (at == null) {
            throw invalid("its tree head is not time-stamped, so the record has no trusted time");
        }
        MessageEntry entry = MessageEntry.decode(Base64.getDecoder().decode(inclusion.entry()));
        if (evidence.xRoadId() != null && !evidence.xRoadId().equals(entry.xRoadId())) {
            throw invalid("the record is of X-Road-Id '" + entry.xRoadId() + "', not '" + evidence.xRoadId() + "'");
        }
        List<String> checks = new ArrayList<>();
        head.checks().forEach(check -> checks.add("record " + inclusion.leafIndex() + ": " + check));
        checks.add("record " + inclusion.leafIndex() + ": " + entry.side().toLowerCase() + " side of X-Road-Id "
                + entry.xRoadId() + " (" + entry.content() + ")");
        records.verify(entry, at).forEach(check -> checks.add("record " + inclusion.leafIndex() + ": " + check));
        return checks;
    }

    // The CRLs given to the verifier, then those the evidence carries (its own and each record's).
    private List<X509CRL> crls(MessageEvidence evidence) {
        var crls = Stream.concat(
                        evidence.crls().stream(), evidence.records().stream().map(LogEvidence.Inclusion::crl))
                .filter(c -> c != null)
                .distinct()
                .map(MessageEvidenceVerifier::crl)
                .toList();
        var all = new ArrayList<X509CRL>(extraCrls);
        all.addAll(crls);
        return List.copyOf(all);
    }

    // Only a lookup: a chain found here is validated against the anchors like one from x5c.
    private static SignerCertificates signers(MessageEvidence evidence) {
        List<List<X509Certificate>> chains = new ArrayList<>();
        for (String pem : evidence.signerCertificates()) {
            try {
                List<X509Certificate> chain = Pem.certificates(pem.getBytes(StandardCharsets.US_ASCII));
                if (chain.isEmpty()) {
                    throw new IllegalArgumentException("no certificate");
                }
                chains.add(chain);
            } catch (RuntimeException e) {
                throw new TrustException(
                        TrustError.MALFORMED_PROOF, "a signer certificate chain in the evidence does not parse");
            }
        }
        return SignerCertificates.of(chains);
    }

    private static X509CRL crl(String base64) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | CRLException | IllegalArgumentException e) {
            throw new TrustException(TrustError.MALFORMED_PROOF, "a CRL in the evidence does not parse");
        }
    }

    private static TrustException invalid(String why) {
        return new TrustException(TrustError.PROOF_INVALID, why);
    }
}
