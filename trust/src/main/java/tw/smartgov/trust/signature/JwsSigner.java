package tw.smartgov.trust.signature;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * Signs bytes as ES256 JWS (RFC 7515) with a {@link SigningIdentity} whose key is EC P-256. Each
 * JWS header carries {@code alg: ES256} and names the signer ({@link SignerReference}): by default
 * its chain in {@code x5c}, without the self-signed root (a verifier must hold the root as its
 * trust anchor anyway); or only the {@code x5t#S256} thumbprint of its certificate, for signatures
 * sent so often that the ~1 KB chain would be most of their size, to verifiers that know the
 * signer's chain otherwise ({@link SignerCertificates}).
 *
 * <p>Signatures are made with Bouncy Castle's ECDSA ({@link Es256}), deterministic by default (RFC
 * 6979), or with nonces computed ahead ({@link Nonces#COMPUTED_AHEAD}) for signers on a request's
 * critical path; Nimbus only encodes the header. Thread-safe.
 */
public final class JwsSigner {
    private static final java.util.Base64.Encoder B64URL =
            java.util.Base64.getUrlEncoder().withoutPadding();

    /** How a JWS header names its signer. */
    public enum SignerReference {
        /** {@code x5c}: the chain itself, without the root; the JWS verifies on its own. */
        CHAIN,
        /** {@code x5t#S256} only: the verifier must know the chain ({@link SignerCertificates}). */
        THUMBPRINT
    }

    /** Where each signature's nonce comes from. */
    public enum Nonces {
        /** RFC 6979: derived from the key and the message, so signing twice gives one signature. */
        DETERMINISTIC,
        /**
         * Computed before the message is known, by a background thread, from the key and fresh
         * randomness ({@link Es256Nonces}): a signature then costs ~10 µs on the signing thread
         * instead of ~100 µs. Signatures of the same payload differ.
         */
        COMPUTED_AHEAD
    }

    private final ECPrivateKeyParameters key;
    private final @Nullable Es256Nonces nonces;
    private final List<X509Certificate> chain;
    private final SignerReference reference;
    // Headers are encoded once per variant: re-encoding the x5c chain per signature is costly.
    private final Map<JwsHeaders, String> headers = new ConcurrentHashMap<>();

    public JwsSigner(SigningIdentity identity) {
        this(identity, SignerReference.CHAIN);
    }

    public JwsSigner(SigningIdentity identity, SignerReference reference) {
        this(identity, reference, Nonces.DETERMINISTIC);
    }

    public JwsSigner(SigningIdentity identity, SignerReference reference, Nonces nonces) {
        this.key = Es256.signingKey(identity.privateKey());
        this.nonces = nonces == Nonces.COMPUTED_AHEAD ? new Es256Nonces(key) : null;
        this.chain = withoutRoot(identity.chain());
        this.reference = reference;
    }

    /**
     * The signer's chain, leaf first and without the root: what {@code x5c} carries, and what a
     * verifier of {@link SignerReference#THUMBPRINT} signatures must know.
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Compact serialization of a JWS over {@code payload}. */
    public String sign(byte[] payload) {
        return sign(payload, JwsHeaders.NONE);
    }

    public String sign(byte[] payload, JwsHeaders extra) {
        String signingInput = signingInput(payload, extra);
        return signingInput + "." + signature(signingInput);
    }

    /**
     * A JWS with a detached payload (RFC 7515 Appendix F): {@code header..signature}. The verifier
     * needs the payload separately.
     */
    public String signDetached(byte[] payload) {
        return signDetached(payload, JwsHeaders.NONE);
    }

    public String signDetached(byte[] payload, JwsHeaders extra) {
        String signingInput = signingInput(payload, extra);
        return signingInput.substring(0, signingInput.indexOf('.')) + ".." + signature(signingInput);
    }

    /** A compact JWS over the RFC 8785 canonical bytes of {@code json}. */
    public String signJson(String json, JwsHeaders extra) {
        return sign(CanonicalJson.canonicalize(json), extra);
    }

    /**
     * Computes one nonce for a later signature on the calling thread, if this signer uses nonces
     * computed ahead and fewer than it keeps are ready; otherwise does nothing.
     */
    public void computeNonceAhead() {
        if (nonces != null) {
            nonces.computeOne();
        }
    }

    private String signingInput(byte[] payload, JwsHeaders extra) {
        return headers.computeIfAbsent(extra, this::header) + "." + B64URL.encodeToString(payload);
    }

    private String signature(String signingInput) {
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        return B64URL.encodeToString(nonces != null ? Es256.sign(key, nonces, input) : Es256.sign(key, input));
    }

    private String header(JwsHeaders extra) {
        var builder = new JWSHeader.Builder(JWSAlgorithm.ES256);
        if (reference == SignerReference.CHAIN) {
            builder.x509CertChain(chain.stream().map(JwsSigner::encode).toList());
        } else {
            builder.x509CertSHA256Thumbprint(new Base64URL(SignerCertificates.thumbprint(chain.getFirst())));
        }
        if (extra.type() != null) {
            builder.type(new JOSEObjectType(extra.type()));
        }
        if (extra.contentType() != null) {
            builder.contentType(extra.contentType());
        }
        return builder.build().toBase64URL().toString();
    }

    private static List<X509Certificate> withoutRoot(List<X509Certificate> chain) {
        X509Certificate last = chain.getLast();
        boolean selfSigned = last.getSubjectX500Principal().equals(last.getIssuerX500Principal());
        return List.copyOf(chain.size() > 1 && selfSigned ? chain.subList(0, chain.size() - 1) : chain);
    }

    private static Base64 encode(X509Certificate certificate) {
        try {
            return Base64.encode(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the signer's certificate", e);
        }
    }
}
