package tw.smartgov.trust.ca;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** PEM (RFC 7468) text of X.509 certificates. */
public final class Pem {
    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    /** The certificates as concatenated {@code CERTIFICATE} blocks, in the given order. */
    public static String encode(List<X509Certificate> certificates) {
        var pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            pem.append(block("CERTIFICATE", der(certificate)));
        }
        return pem.toString();
    }

    /** One PEM block of the given type around {@code der}. */
    public static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + MIME.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /**
     * Parses PEM (or DER) certificates.
     *
     * @throws TrustException {@link TrustError#MALFORMED_CERTIFICATE} if they do not parse
     */
    public static List<X509Certificate> certificates(byte[] pemOrDer) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates =
                    factory.generateCertificates(new ByteArrayInputStream(pemOrDer)).stream()
                            .map(c -> (X509Certificate) c)
                            .toList();
            if (certificates.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new TrustException(TrustError.MALFORMED_CERTIFICATE, "not an X.509 certificate in PEM or DER", e);
        }
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate that was parsed", e);
        }
    }
}
