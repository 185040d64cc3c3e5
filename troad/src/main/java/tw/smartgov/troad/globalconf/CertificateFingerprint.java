package tw.smartgov.troad.globalconf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The fingerprint by which the global configuration pins a certificate: lower-case hex SHA-256 of
 * its DER encoding (64 characters).
 */
public final class CertificateFingerprint {
    private CertificateFingerprint() {}

    public static String sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** True if {@code text} has the form of a fingerprint. */
    public static boolean isFingerprint(String text) {
        return text.matches("[0-9a-f]{64}");
    }
}
