package tw.smartgov.trust.ca;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** The extensions each {@link CertificateProfile} puts into an end-entity certificate. */
final class ProfileExtensions {
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?i)(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private ProfileExtensions() {}

    static void apply(CertificateBuilder certificate, CertificateProfile profile, List<String> dns, List<String> ips) {
        certificate.add(Extension.basicConstraints, true, new BasicConstraints(false));
        switch (profile) {
            case TLS_SERVER -> {
                requireName(profile, dns, ips);
                usage(certificate, KeyUsage.digitalSignature, KeyPurposeId.id_kp_serverAuth, false);
            }
            case TLS_PEER -> {
                requireName(profile, dns, ips);
                certificate.add(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                certificate.add(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                }));
            }
            case TLS_CLIENT -> usage(certificate, KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth, false);
            case SIGNING ->
                certificate.add(
                        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            // RFC 3161 2.3: the TSA certificate has exactly one, critical, extended key usage.
            case TIME_STAMPING -> usage(certificate, KeyUsage.digitalSignature, KeyPurposeId.id_kp_timeStamping, true);
        }
        if (!dns.isEmpty() || !ips.isEmpty()) {
            certificate.add(Extension.subjectAlternativeName, false, alternativeNames(dns, ips));
        }
    }

    private static void requireName(CertificateProfile profile, List<String> dns, List<String> ips) {
        if (dns.isEmpty() && ips.isEmpty()) {
            throw new TrustException(
                    TrustError.INVALID_ARGUMENT,
                    "a " + profile + " certificate needs at least one dns name or ip address");
        }
    }

    private static void usage(CertificateBuilder certificate, int keyUsage, KeyPurposeId purpose, boolean critical) {
        certificate.add(Extension.keyUsage, true, new KeyUsage(keyUsage));
        certificate.add(Extension.extendedKeyUsage, critical, new ExtendedKeyUsage(purpose));
    }

    private static GeneralNames alternativeNames(List<String> dns, List<String> ips) {
        List<GeneralName> names = new ArrayList<>();
        for (String name : dns) {
            if (name.length() > 253 || !DNS_NAME.matcher(name).matches()) {
                throw new TrustException(TrustError.INVALID_ARGUMENT, "'" + name + "' is not a DNS name");
            }
            names.add(new GeneralName(GeneralName.dNSName, name.toLowerCase(java.util.Locale.ROOT)));
        }
        for (String ip : ips) {
            names.add(new GeneralName(GeneralName.iPAddress, ipAddress(ip)));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static String ipAddress(String literal) {
        try {
            // ofLiteral never resolves a host name, unlike getByName
            return InetAddress.ofLiteral(literal).getHostAddress();
        } catch (IllegalArgumentException e) {
            throw new TrustException(TrustError.INVALID_ARGUMENT, "'" + literal + "' is not an IPv4 or IPv6 address");
        }
    }
}
