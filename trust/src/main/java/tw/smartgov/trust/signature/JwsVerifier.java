package tw.smartgov.trust.signature;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;

/**
 * Verifies ES256 JWS made by {@link JwsSigner}: parses (MALFORMED_SIGNATURE), accepts only {@code
 * alg: ES256} (SIGNATURE_INVALID otherwise; never {@code none} or HS*), checks the signature with
 * the leaf key of {@code x5c}, or of the chain {@link SignerCertificates} gives for its {@code
 * x5t#S256} (SIGNATURE_INVALID), then validates that chain with a
 * {@link CertificateValidator} for a {@link CertificateProfile} (default {@code SIGNING}),
 * including revocation.
 *
 * <p>The chain is validated <em>now</em>, not at a signing time: a JWS carries no trusted time (an
 * {@code iat} would be the signer's own claim). Evidence that must outlive its certificate is
 * time-stamped (RFC 3161) and checked at the time-stamp's time instead. Thread-safe.
 */
public final class JwsVerifier {
    private final CertificateValidator validator;
    private final CertificateProfile profile;
    private final SignerCertificates signers;
    private final JwsParser parser = new JwsParser();

    public JwsVerifier(CertificateValidator validator) {
        this(validator, CertificateProfile.SIGNING);
    }

    public JwsVerifier(CertificateValidator validator, CertificateProfile profile) {
        this(validator, profile, SignerCertificates.none());
    }

    /**
     * @param signers where the chain of a signer named by {@code x5t#S256} only (no {@code x5c}) is
     *     looked up; a JWS naming an unknown one is refused with CERTIFICATE_UNTRUSTED
     */
    public JwsVerifier(CertificateValidator validator, CertificateProfile profile, SignerCertificates signers) {
        this.validator = validator;
        this.profile = profile;
        this.signers = signers;
    }

    /** Verifies a compact JWS and returns its payload and signer. */
    public VerifiedJws verify(String compact) {
        return trusted(checkSignature(compact, null));
    }

    /**
     * Verifies a compact JWS whose chain must have been valid at {@code at}: the genTime of a
     * verified RFC 3161 time-stamp over the JWS, so that evidence outlives its certificate.
     */
    public VerifiedJws verifyAt(String compact, Instant at) {
        VerifiedJws jws = checkSignature(compact, null);
        validator.validate(jws.chain(), profile, at);
        return jws;
    }

    /** Verifies a detached-payload JWS ({@code header..signature}) over {@code payload}. */
    public VerifiedJws verifyDetached(String detached, byte[] payload) {
        return trusted(checkSignature(detached, payload));
    }

    /**
     * Checks only that the signature matches the key of the {@code x5c} leaf, NOT who that is: the
     * chain is neither validated nor checked for revocation. Only for callers that establish trust
     * in the signer otherwise (and for measuring the cost of each step).
     */
    public VerifiedJws verifySignatureOnly(String compact) {
        return checkSignature(compact, null);
    }

    private VerifiedJws trusted(VerifiedJws jws) {
        validator.validate(jws.chain(), profile, Instant.now());
        return jws;
    }

    private VerifiedJws checkSignature(String compact, byte @Nullable [] detachedPayload) {
        JwsParser.Parsed jws = parser.parse(compact, detachedPayload);
        JwsParser.Header header = jws.header();
        List<X509Certificate> chain = chain(header);
        if (!verifies(jws, chain.getFirst())) {
            throw new TrustException(
                    TrustError.SIGNATURE_INVALID,
                    "the signature does not match the payload and the signer's key: the JWS was altered");
        }
        return new VerifiedJws(jws.payload(), chain, header.type(), header.contentType());
    }

    private List<X509Certificate> chain(JwsParser.Header header) {
        Optional<String> reference = header.thumbprintReference();
        if (reference.isEmpty()) {
            return header.chain();
        }
        List<X509Certificate> chain = signers.chain(reference.get())
                .filter(c -> !c.isEmpty())
                .orElseThrow(() -> new TrustException(
                        TrustError.CERTIFICATE_UNTRUSTED,
                        "the JWS names its signer by the certificate thumbprint " + reference.get()
                                + ", which is not a certificate known here"));
        if (!reference.get().equals(SignerCertificates.thumbprint(chain.getFirst()))) {
            throw new IllegalStateException("the signer certificates returned a chain of another certificate");
        }
        return chain;
    }

    private static boolean verifies(JwsParser.Parsed jws, X509Certificate signer) {
        if (!(signer.getPublicKey() instanceof ECPublicKey key)) {
            throw new TrustException(TrustError.SIGNATURE_INVALID, "the signer's key is not an EC key, so not ES256");
        }
        var critical = jws.header().critical();
        if (!critical.isEmpty()) {
            // no critical extension is understood here, so none may be ignored (RFC 7515 §4.1.11)
            throw new TrustException(
                    TrustError.SIGNATURE_INVALID, "the JWS names critical header parameters: " + critical);
        }
        return Es256.verifies(key, jws.signingInput(), jws.signature());
    }
}
