package tw.smartgov.trust.ca;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** Whether an end-entity certificate may be used for a {@link CertificateProfile}. */
final class ProfileUsage {
    private static final int DIGITAL_SIGNATURE = 0;
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    private ProfileUsage() {}

    static void check(X509Certificate leaf, CertificateProfile profile) {
        if (leaf.getBasicConstraints() >= 0) {
            refuse(leaf, profile, "it is a CA certificate");
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
            refuse(leaf, profile, "its key usage lacks digitalSignature");
        }
        List<String> purposes = switch (profile) {
            case TLS_SERVER -> List.of(SERVER_AUTH);
            case TLS_CLIENT -> List.of(CLIENT_AUTH);
            case TLS_PEER -> List.of(SERVER_AUTH, CLIENT_AUTH);
            case TIME_STAMPING -> List.of(TIME_STAMPING);
            case SIGNING -> List.of();
        };
        List<String> present = extendedKeyUsage(leaf);
        for (String purpose : purposes) {
            if (!present.contains(purpose)) {
                refuse(leaf, profile, "its extended key usage lacks " + purpose);
            }
        }
    }

    private static List<String> extendedKeyUsage(X509Certificate leaf) {
        try {
            @Nullable List<String> usages = leaf.getExtendedKeyUsage();
            return usages == null ? List.of() : usages;
        } catch (CertificateParsingException e) {
            throw new TrustException(TrustError.MALFORMED_CERTIFICATE, "the extended key usage does not parse", e);
        }
    }

    private static void refuse(X509Certificate leaf, CertificateProfile profile, String why) {
        throw new TrustException(
                TrustError.CERTIFICATE_UNTRUSTED,
                RevocationCheck.name(leaf) + " may not be used for " + profile + ": " + why);
    }
}
