package tw.smartgov.trust.ca;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An issued certificate as JSON for the admin API. */
record CertificateView(
        String serial,
        String subject,
        CertificateProfile profile,
        Instant notBefore,
        Instant notAfter,
        Instant issuedAt,
        @Nullable Instant revokedAt,
        @Nullable RevocationReason revocationReason,
        String pem) {

    static CertificateView of(IssuedCertificate issued) {
        var certificate = issued.certificate();
        return new CertificateView(
                issued.serialHex(),
                certificate.getSubjectX500Principal().getName(),
                issued.profile(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                issued.issuedAt(),
                issued.revokedAt(),
                issued.revocationReason(),
                Pem.encode(java.util.List.of(certificate)));
    }
}
