package tw.smartgov.trust.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signers' certificate chains by the {@code x5t#S256} thumbprint of their leaf (RFC 7515 §4.1.8:
 * base64url of the SHA-256 of its DER), for a {@link JwsVerifier} checking JWS that refer to their
 * signer ({@link JwsSigner.SignerReference#THUMBPRINT}) instead of carrying it in {@code x5c}. A
 * chain is leaf first, without the root, as {@code x5c} would carry it; being found here says
 * nothing about trust: the verifier still validates it.
 */
@FunctionalInterface
public interface SignerCertificates {
    /** The chain whose leaf has this thumbprint, if known. */
    Optional<List<X509Certificate>> chain(String thumbprint);

    /** Knows no certificate: only JWS carrying {@code x5c} verify. */
    static SignerCertificates none() {
        return thumbprint -> Optional.empty();
    }

    /** Knows exactly these chains (each leaf first). */
    static SignerCertificates of(Collection<List<X509Certificate>> chains) {
        Map<String, List<X509Certificate>> byThumbprint = new HashMap<>();
        for (List<X509Certificate> chain : chains) {
            byThumbprint.put(thumbprint(chain.getFirst()), List.copyOf(chain));
        }
        return thumbprint -> Optional.ofNullable(byThumbprint.get(thumbprint));
    }

    /** The {@code x5t#S256} thumbprint of {@code certificate}. */
    static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a parsed certificate", e);
        }
    }

    /**
     * The thumbprint a compact (or detached) JWS refers to its signer by, if it carries no {@code
     * x5c}; empty for a JWS that carries its chain.
     *
     * @throws tw.smartgov.trust.TrustException MALFORMED_SIGNATURE if the header does not parse
     */
    static Optional<String> referencedBy(String jws) {
        int dot = jws.indexOf('.');
        return JwsParser.headerOf(dot < 0 ? jws : jws.substring(0, dot)).thumbprintReference();
    }
}
