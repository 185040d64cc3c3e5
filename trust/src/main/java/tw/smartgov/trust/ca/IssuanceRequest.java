package tw.smartgov.trust.ca;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * A request to certify the key of a PKCS#10 CSR.
 *
 * @param csr the CSR, PEM or DER
 * @param profile what the certificate is for
 * @param dnsNames subject alternative DNS names (a TLS server certificate needs a name or an address)
 * @param ipAddresses subject alternative IP addresses, IPv4 or IPv6 literals
 * @param validity how long the certificate is valid; {@code null} means {@link #DEFAULT_VALIDITY}.
 *     It never extends beyond the issuing CA's own validity.
 */
public record IssuanceRequest(
        byte[] csr,
        CertificateProfile profile,
        List<String> dnsNames,
        List<String> ipAddresses,
        @Nullable Duration validity) {
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

    public IssuanceRequest {
        csr = csr.clone();
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        if (validity != null && (validity.isNegative() || validity.isZero())) {
            throw new TrustException(TrustError.INVALID_ARGUMENT, "the validity must be positive, not " + validity);
        }
    }

    /** A request without alternative names and with the default validity. */
    public static IssuanceRequest of(byte[] csr, CertificateProfile profile) {
        return new IssuanceRequest(csr, profile, List.of(), List.of(), null);
    }

    public Duration validityOrDefault() {
        return validity == null ? DEFAULT_VALIDITY : validity;
    }
}
