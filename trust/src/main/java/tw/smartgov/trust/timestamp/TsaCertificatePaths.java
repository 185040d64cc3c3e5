package tw.smartgov.trust.timestamp;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * Chains a TSA certificate to the configured trust anchors with the JDK's PKIX builder, at the
 * token's genTime (a token stays verifiable after its TSA certificate expires). Revocation is not
 * checked here: that needs CRLs or OCSP and belongs to a later step.
 */
final class TsaCertificatePaths {
    private final List<X509Certificate> anchors;

    TsaCertificatePaths(Collection<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        this.anchors = List.copyOf(anchors);
    }

    /** @param intermediates certificates the path may go through (embedded or configured) */
    void requireChain(X509Certificate tsa, Collection<X509Certificate> intermediates, Date at) {
        if (anchors.contains(tsa)) {
            requireValid(tsa, at);
            return;
        }
        try {
            var selector = new X509CertSelector();
            selector.setCertificate(tsa);
            var parameters = new PKIXBuilderParameters(trustAnchors(), selector);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            parameters.addCertStore(
                    CertStore.getInstance("Collection", new CollectionCertStoreParameters(intermediates)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
        } catch (GeneralSecurityException e) {
            throw new TrustException(
                    TrustError.TIMESTAMP_INVALID,
                    "the TSA certificate " + tsa.getSubjectX500Principal().getName()
                            + " does not chain to a trust anchor at the token's genTime (" + e.getMessage() + ")",
                    e);
        }
    }

    private void requireValid(X509Certificate tsa, Date at) {
        try {
            tsa.checkValidity(at);
        } catch (GeneralSecurityException e) {
            throw new TrustException(
                    TrustError.TIMESTAMP_INVALID, "the TSA certificate was not valid at the token's genTime", e);
        }
    }

    private Set<TrustAnchor> trustAnchors() {
        return anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
    }
}
