package tw.smartgov.trust.signature;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * Signs bytes as ES256 JWS (RFC 7515) with a {@link SigningIdentity} whose key is EC P-256. Each
 * JWS header carries {@code alg: ES256} and the signer's chain in {@code x5c}, without the
 * self-signed root: a verifier must hold the root as its trust anchor anyway, and T-Road sends
 * these headers with every message.
 *
 * <p>Signatures are deterministic (RFC 6979) and made with Bouncy Castle's ECDSA ({@link Es256});
 * Nimbus only encodes the header. Thread-safe.
 */
public final class JwsSigner {
    private static final java.util.Base64.Encoder B64URL =
            java.util.Base64.getUrlEncoder().withoutPadding();

    private final ECPrivateKeyParameters key;
    private final List<Base64> x5c;
    // Headers are encoded once per variant: re-encoding the x5c chain per signature is costly.
    private final Map<JwsHeaders, String> headers = new ConcurrentHashMap<>();

    public JwsSigner(SigningIdentity identity) {
        this.key = Es256.signingKey(identity.privateKey());
        this.x5c = withoutRoot(identity.chain()).stream().map(JwsSigner::encode).toList();
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

    private String signingInput(byte[] payload, JwsHeaders extra) {
        return headers.computeIfAbsent(extra, this::header) + "." + B64URL.encodeToString(payload);
    }

    private String signature(String signingInput) {
        return B64URL.encodeToString(Es256.sign(key, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private String header(JwsHeaders extra) {
        var builder = new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertChain(x5c);
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
        return chain.size() > 1 && selfSigned ? chain.subList(0, chain.size() - 1) : chain;
    }

    private static Base64 encode(X509Certificate certificate) {
        try {
            return Base64.encode(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the signer's certificate", e);
        }
    }
}
