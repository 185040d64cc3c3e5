package tw.smartgov.troad.central;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.IssuanceRequest;
import tw.smartgov.trust.ca.Pem;

/** Issues a security server's pair of certificates, TLS_PEER and SIGNING, from the built-in CA. */
@CentralRole
@Component
class ServerCertificates {
    /** Both chains, leaf first. */
    record Pair(List<X509Certificate> tls, List<X509Certificate> signing) {
        SecurityServers.Pin tlsPin() {
            return pin(tls.getFirst());
        }

        SecurityServers.Pin signingPin() {
            return pin(signing.getFirst());
        }

        private static SecurityServers.Pin pin(X509Certificate certificate) {
            return new SecurityServers.Pin(
                    CertificateFingerprint.sha256(certificate),
                    certificate.getSerialNumber().toString(16),
                    certificate.getNotAfter().toInstant());
        }
    }

    private final CertificateAuthority ca;

    ServerCertificates(CertificateAuthority ca) {
        this.ca = ca;
    }

    /**
     * @param dns names for the TLS certificate; with {@code ip} empty too, the address's host is used
     * @throws tw.smartgov.trust.TrustException MALFORMED_CSR and the like
     */
    Pair issue(
            @Nullable String tlsCsr,
            @Nullable String signingCsr,
            @Nullable List<String> dns,
            @Nullable List<String> ip,
            String address) {
        byte[] tls = Checks.required(tlsCsr, "tlsCsr").getBytes(StandardCharsets.US_ASCII);
        byte[] signing = Checks.required(signingCsr, "signingCsr").getBytes(StandardCharsets.US_ASCII);
        List<String> dnsNames = Checks.each(dns, "dns", s -> s.strip());
        List<String> ipAddresses = Checks.each(ip, "ip", s -> s.strip());
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            String host = URI.create(address).getHost().replaceAll("^\\[|]$", "");
            boolean literal = host.contains(":") || host.matches("[0-9.]+");
            dnsNames = literal ? List.of() : List.of(host);
            ipAddresses = literal ? List.of(host) : List.of();
        }
        var tlsChain = ca.issue(new IssuanceRequest(tls, CertificateProfile.TLS_PEER, dnsNames, ipAddresses, null));
        var signingChain = ca.issue(IssuanceRequest.of(signing, CertificateProfile.SIGNING));
        return new Pair(tlsChain, signingChain);
    }

    static String pem(List<X509Certificate> chain) {
        return Pem.encode(chain);
    }
}
