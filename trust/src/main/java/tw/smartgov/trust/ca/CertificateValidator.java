package tw.smartgov.trust.ca;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * Validates certificate chains against fixed trust anchors with the JDK's PKIX validator
 * (signatures, validity, basic constraints, CA key usage, path length), then checks that the leaf
 * fits a {@link CertificateProfile} and is not revoked according to a {@link RevocationSource}.
 *
 * <p>Revocation is checked for the end-entity certificate only: the CAs below the anchor are this
 * installation's own issuing CA, whose compromise is handled by re-keying, not by a CRL.
 *
 * <p>Every refusal is a {@link TrustException}: MALFORMED_CERTIFICATE, CERTIFICATE_UNTRUSTED,
 * CERTIFICATE_EXPIRED, CERTIFICATE_NOT_YET_VALID, CERTIFICATE_REVOKED or
 * REVOCATION_STATUS_UNKNOWN. Thread-safe.
 */
public final class CertificateValidator {
    private final List<X509Certificate> anchors;
    private final Set<TrustAnchor> trustAnchors;
    private final RevocationSource revocation;
    private final RevocationCheck revocationCheck = new RevocationCheck();
    /**
     * Paths whose signatures PKIX already verified, with the leaf's issuer. What a path's
     * signatures prove does not change with time; validity periods, key usage and revocation are
     * checked again on every call.
     */
    private final Map<List<X509Certificate>, X509Certificate> validatedPaths = new BoundedMap<>(1_000);

    public CertificateValidator(List<X509Certificate> anchors, RevocationSource revocation) {
        this.anchors = List.copyOf(anchors);
        this.trustAnchors = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
        this.revocation = revocation;
    }

    /**
     * @param chain leaf first; it may or may not end with the trust anchor
     * @param profile what the leaf is to be used for
     * @param at the instant at which the chain must be valid and the leaf not revoked
     * @return the validated leaf certificate
     */
    public X509Certificate validate(List<X509Certificate> chain, CertificateProfile profile, Instant at) {
        List<X509Certificate> path = withoutAnchors(chain);
        for (X509Certificate certificate : chain) {
            checkValidity(certificate, at);
        }
        X509Certificate issuer = validatedPaths.computeIfAbsent(List.copyOf(path), p -> validatePath(p, at));
        X509Certificate leaf = path.getFirst();
        ProfileUsage.check(leaf, profile);
        revocationCheck.check(leaf, issuer, revocation, at);
        return leaf;
    }

    private List<X509Certificate> withoutAnchors(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new TrustException(TrustError.MALFORMED_CERTIFICATE, "the certificate chain is empty");
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        while (!path.isEmpty() && anchors.contains(path.getLast())) {
            path.removeLast();
        }
        if (path.isEmpty()) {
            throw new TrustException(
                    TrustError.CERTIFICATE_UNTRUSTED, "the chain holds only a root CA certificate, no end entity");
        }
        return path;
    }

    private static void checkValidity(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            throw new TrustException(
                    TrustError.CERTIFICATE_EXPIRED,
                    RevocationCheck.name(certificate) + " expired at "
                            + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new TrustException(
                    TrustError.CERTIFICATE_NOT_YET_VALID,
                    RevocationCheck.name(certificate) + " is valid only from "
                            + certificate.getNotBefore().toInstant());
        }
    }

    /** Runs PKIX and returns the certificate that issued the leaf. */
    private X509Certificate validatePath(List<X509Certificate> path, Instant at) {
        try {
            var parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false); // checked below, from our own RevocationSource
            parameters.setDate(Date.from(at));
            var certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            var result = (PKIXCertPathValidatorResult)
                    CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return path.size() > 1 ? path.get(1) : result.getTrustAnchor().getTrustedCert();
        } catch (CertPathValidatorException e) {
            throw untrusted(e);
        } catch (GeneralSecurityException e) {
            throw new TrustException(TrustError.MALFORMED_CERTIFICATE, "the certificate chain cannot be read", e);
        }
    }

    private static TrustException untrusted(CertPathValidatorException e) {
        TrustError error = switch (e.getReason()) {
            case BasicReason.EXPIRED -> TrustError.CERTIFICATE_EXPIRED;
            case BasicReason.NOT_YET_VALID -> TrustError.CERTIFICATE_NOT_YET_VALID;
            case BasicReason.REVOKED -> TrustError.CERTIFICATE_REVOKED;
            default -> TrustError.CERTIFICATE_UNTRUSTED;
        };
        return new TrustException(
                error, "the certificate chain does not lead to a trusted SmartGov root: " + e.getMessage(), e);
    }

    /** A map that forgets everything when full: a cache of a few hundred peers needs no more. */
    private static final class BoundedMap<K, V> extends ConcurrentHashMap<K, V> {
        private final int limit;

        BoundedMap(int limit) {
            this.limit = limit;
        }

        @Override
        public V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> compute) {
            V known = get(key);
            if (known != null) {
                return known;
            }
            if (size() >= limit) {
                clear();
            }
            V value = compute.apply(key);
            put(key, value);
            return value;
        }
    }
}
