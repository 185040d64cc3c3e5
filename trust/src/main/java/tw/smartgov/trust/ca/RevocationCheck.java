package tw.smartgov.trust.ca;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * Looks a certificate up in the CRL its issuer signed. Remembers which CRLs it has already seen
 * signed by which issuer: the same CRL serves many validations, and checking its signature again
 * each time would double their cost.
 */
final class RevocationCheck {
    private static final int CACHE_LIMIT = 100;
    private final Map<X509CRL, PublicKey> verified = new ConcurrentHashMap<>();

    void check(X509Certificate certificate, X509Certificate issuer, RevocationSource source, Instant at) {
        X509CRL crl = source.crls().stream()
                .filter(c -> c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()))
                .filter(c -> signedBy(c, issuer))
                .findFirst()
                .orElseThrow(() -> new TrustException(
                        TrustError.REVOCATION_STATUS_UNKNOWN,
                        "no CRL signed by " + issuer.getSubjectX500Principal().getName()
                                + " is at hand, so the revocation of " + name(certificate) + " cannot be checked"));
        Date nextUpdate = crl.getNextUpdate();
        if (nextUpdate != null && at.isAfter(nextUpdate.toInstant())) {
            throw new TrustException(
                    TrustError.REVOCATION_STATUS_UNKNOWN,
                    "the CRL of " + issuer.getSubjectX500Principal().getName() + " was current until "
                            + nextUpdate.toInstant() + "; fetch a newer one");
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
            String reason = entry.getRevocationReason() == null ? "" : " (" + entry.getRevocationReason() + ")";
            throw new TrustException(
                    TrustError.CERTIFICATE_REVOKED,
                    name(certificate) + " was revoked at "
                            + entry.getRevocationDate().toInstant() + reason);
        }
    }

    private boolean signedBy(X509CRL crl, X509Certificate issuer) {
        if (issuer.getPublicKey().equals(verified.get(crl))) {
            return true;
        }
        try {
            crl.verify(issuer.getPublicKey());
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(crl, issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String name(X509Certificate certificate) {
        return "certificate " + certificate.getSerialNumber().toString(16) + " ("
                + certificate.getSubjectX500Principal().getName() + ")";
    }
}
