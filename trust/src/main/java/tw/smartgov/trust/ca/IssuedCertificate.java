package tw.smartgov.trust.ca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A certificate this CA issued, as recorded in {@code trust.issued_certificate}.
 *
 * @param revokedAt when it was revoked, or {@code null} while it is not
 * @param revocationReason why, or {@code null} while it is not revoked
 */
public record IssuedCertificate(
        BigInteger serial,
        CertificateProfile profile,
        X509Certificate certificate,
        Instant issuedAt,
        @Nullable Instant revokedAt,
        @Nullable RevocationReason revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The serial number as lower-case hexadecimal, as used in URLs. */
    public String serialHex() {
        return serial.toString(16);
    }
}
