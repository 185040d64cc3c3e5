package tw.smartgov.trust.ca;

import java.security.cert.X509CRL;
import java.util.List;

/**
 * Where a {@link CertificateValidator} learns which certificates are revoked: CRLs, each signed by
 * the CA whose certificates it lists. Implementations: {@link CertificateAuthority#revocationSource()}
 * (the built-in CA's current CRL) and {@link #offline(X509CRL...)} (CRLs at hand, for offline verify
 * tools).
 */
@FunctionalInterface
public interface RevocationSource {
    /** The CRLs to consult now; their signatures are checked by the validator, not here. */
    List<X509CRL> crls();

    /** Fixed CRLs, for instance downloaded earlier and checked offline. */
    static RevocationSource offline(X509CRL... crls) {
        List<X509CRL> fixed = List.of(crls);
        return () -> fixed;
    }
}
