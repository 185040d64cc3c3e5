package tw.smartgov.troad.messagelog;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * Checks message archive files offline, given the root certificate: that they form an unbroken
 * hash chain (each names the SHA-256 of the one before, the first names none or the given
 * predecessor hash, and their leaf ranges follow each other), and that every record in them
 * verifies as {@link MessageEvidence} does. Failures are {@link TrustException}s naming the file.
 */
public final class MessageArchiveVerifier {
    private final MessageEvidenceVerifier records;

    /** The checks that passed and the SHA-256 of the last file, to continue the chain later. */
    public record Result(int files, long records, String lastSha256, List<String> checks) {}

    public MessageArchiveVerifier(X509Certificate anchor, @Nullable X509CRL newerCrl) {
        this(List.of(anchor), newerCrl == null ? List.of() : List.of(newerCrl));
    }

    public MessageArchiveVerifier(List<X509Certificate> anchors, List<X509CRL> extraCrls) {
        this.records = new MessageEvidenceVerifier(anchors, extraCrls);
    }

    /**
     * @param files the archive files' bytes, oldest first
     * @param previousSha256 the hash the first file must name, or null if it must be the first
     */
    public Result verify(List<byte[]> files, @Nullable String previousSha256) {
        if (files.isEmpty()) {
            throw new TrustException(TrustError.MALFORMED_PROOF, "no archive file to verify");
        }
        List<String> checks = new ArrayList<>();
        String previous = previousSha256;
        Long expectedFirst = null;
        long count = 0;
        for (int i = 0; i < files.size(); i++) {
            MessageArchive archive = MessageArchive.read(files.get(i));
            var header = archive.header();
            String where =
                    "archive file " + (i + 1) + " (" + MessageArchive.fileName(header.log(), header.firstLeaf()) + ")";
            if (!java.util.Objects.equals(previous, header.previousSha256())) {
                throw invalid(where + " does not name the SHA-256 of the file before it: the chain is broken");
            }
            if (expectedFirst != null && header.firstLeaf() != expectedFirst) {
                throw invalid(where + " starts at record " + header.firstLeaf() + ", not " + expectedFirst);
            }
            if (archive.records().size() != header.endLeaf() - header.firstLeaf()) {
                throw invalid(where + " holds " + archive.records().size() + " records, its header says "
                        + (header.endLeaf() - header.firstLeaf()));
            }
            for (int r = 0; r < archive.records().size(); r++) {
                if (archive.records().get(r).leafIndex() != header.firstLeaf() + r) {
                    throw invalid(where + ": its records are not the leaves its header names, in order");
                }
            }
            try {
                records.verify(new MessageEvidence(
                        MessageEvidence.TYPE,
                        header.log(),
                        null,
                        archive.records(),
                        List.of(),
                        Objects.requireNonNullElse(header.signerCertificates(), List.<String>of())));
            } catch (TrustException e) {
                throw new TrustException(e.error(), where + ": " + e.getMessage(), e);
            }
            checks.add(where + ": records " + header.firstLeaf() + " to " + (header.endLeaf() - 1)
                    + " verify; it names the SHA-256 of the file before it");
            previous = CertificateFingerprint.sha256(files.get(i));
            expectedFirst = header.endLeaf();
            count += archive.records().size();
        }
        return new Result(files.size(), count, java.util.Objects.requireNonNull(previous), List.copyOf(checks));
    }

    private static TrustException invalid(String why) {
        return new TrustException(TrustError.PROOF_INVALID, why);
    }
}
