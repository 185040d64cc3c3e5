package tw.smartgov.trust.ca;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.CRLException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * The CA over HTTP. Certificates and the CRL are public; issuing, revoking and looking up live under
 * {@code /admin/**}, which the application's security configuration restricts to administrators.
 */
@RestController
class CaController {
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private final CertificateAuthority ca;

    CaController(CertificateAuthority ca) {
        this.ca = ca;
    }

    @GetMapping("/trust/ca/root.pem")
    ResponseEntity<String> root() {
        return pem(List.of(ca.root()));
    }

    @GetMapping("/trust/ca/issuing.pem")
    ResponseEntity<String> issuing() {
        return pem(List.of(ca.issuingCertificate()));
    }

    @GetMapping("/trust/ca/chain.pem")
    ResponseEntity<String> chain() {
        return pem(ca.caChain());
    }

    @GetMapping("/trust/ca/crl")
    ResponseEntity<byte[]> crl() throws CRLException {
        return ResponseEntity.ok().contentType(PKIX_CRL).body(ca.crl().getEncoded());
    }

    @PostMapping("/admin/trust/ca/certificates")
    ResponseEntity<String> issue(
            @RequestBody byte[] csr,
            @RequestParam String profile,
            @RequestParam(required = false) @Nullable List<String> dns,
            @RequestParam(required = false) @Nullable List<String> ip,
            @RequestParam(required = false) @Nullable Integer validityDays) {
        var request = new IssuanceRequest(
                csr,
                profile(profile),
                dns == null ? List.of() : dns,
                ip == null ? List.of() : ip,
                validityDays == null ? null : Duration.ofDays(validityDays));
        List<X509Certificate> chain = ca.issue(request);
        String serial = chain.getFirst().getSerialNumber().toString(16);
        return ResponseEntity.created(URI.create("/admin/trust/ca/certificates/" + serial))
                .contentType(PEM)
                .body(Pem.encode(chain));
    }

    @PostMapping("/admin/trust/ca/certificates/{serialHex}/revocation")
    CertificateView revoke(@PathVariable String serialHex, @RequestParam(defaultValue = "unspecified") String reason) {
        return CertificateView.of(ca.revoke(serial(serialHex), RevocationReason.parse(reason)));
    }

    @GetMapping("/admin/trust/ca/certificates/{serialHex}")
    CertificateView certificate(@PathVariable String serialHex) {
        return ca.find(serial(serialHex))
                .map(CertificateView::of)
                .orElseThrow(() -> new TrustException(
                        TrustError.UNKNOWN_CERTIFICATE, "this CA issued no certificate with serial " + serialHex));
    }

    private static ResponseEntity<String> pem(List<X509Certificate> certificates) {
        return ResponseEntity.ok().contentType(PEM).body(Pem.encode(certificates));
    }

    private static CertificateProfile profile(String name) {
        try {
            return CertificateProfile.valueOf(name.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TrustException(
                    TrustError.INVALID_ARGUMENT,
                    "unknown profile '" + name + "'; use one of "
                            + java.util.Arrays.toString(CertificateProfile.values()));
        }
    }

    private static BigInteger serial(String hex) {
        try {
            BigInteger serial = new BigInteger(hex, 16);
            if (serial.signum() > 0 && serial.bitLength() <= 160) {
                return serial;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TrustException(
                TrustError.INVALID_ARGUMENT, "'" + hex + "' is not a certificate serial in hexadecimal");
    }
}
