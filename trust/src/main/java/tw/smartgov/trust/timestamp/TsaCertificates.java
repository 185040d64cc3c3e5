package tw.smartgov.trust.timestamp;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** RFC 3161 §2.3: a TSA certificate has exactly one extended key usage, id-kp-timeStamping, critical. */
final class TsaCertificates {
    static final String ID_KP_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

    private TsaCertificates() {}

    static void requireTimeStampingUsage(X509Certificate certificate) {
        problemWith(certificate).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Why this certificate may not sign time-stamps, or empty when it may. */
    static Optional<String> problemWith(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        List<String> usages;
        try {
            usages = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return Optional.of("the TSA certificate " + subject + " has an unreadable extended key usage");
        }
        if (usages == null || !usages.equals(List.of(ID_KP_TIME_STAMPING))) {
            return Optional.of("the TSA certificate " + subject
                    + " does not have the extended key usage id-kp-timeStamping (alone)");
        }
        if (!certificate.getCriticalExtensionOIDs().contains(EXTENDED_KEY_USAGE)) {
            return Optional.of("the TSA certificate " + subject + " has a non-critical extended key usage");
        }
        return Optional.empty();
    }
}
