package tw.smartgov.trust.signature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * Signs bytes as ES256 JWS (RFC 7515) with a {@link SigningIdentity} whose key is EC P-256. Each
 * JWS header carries {@code alg: ES256} and the signer's chain in {@code x5c}, without the
 * self-signed root: a verifier must hold the root as its trust anchor anyway, and T-Road sends
 * these headers with every message.
 *
 * <p>ECDSA runs on the JDK's default provider (SunEC): Bouncy Castle is never registered, so
 * Nimbus does not pick it. Thread-safe.
 */
public final class JwsSigner {
    private final ECDSASigner signer;
    private final List<Base64> x5c;
    // Headers are serialized once per variant: re-encoding the x5c chain per signature is costly.
    private final Map<JwsHeaders, JWSHeader> headers = new ConcurrentHashMap<>();

    public JwsSigner(SigningIdentity identity) {
        if (!(identity.privateKey() instanceof ECPrivateKey key)) {
            throw new IllegalArgumentException(
                    "ES256 needs an EC P-256 key, not " + identity.privateKey().getAlgorithm());
        }
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("ES256 needs an EC P-256 key", e);
        }
        this.x5c = withoutRoot(identity.chain()).stream().map(JwsSigner::encode).toList();
    }

    /** Compact serialization of a JWS over {@code payload}. */
    public String sign(byte[] payload) {
        return sign(payload, JwsHeaders.NONE);
    }

    public String sign(byte[] payload, JwsHeaders extra) {
        return jws(payload, extra).serialize();
    }

    /**
     * A JWS with a detached payload (RFC 7515 Appendix F): {@code header..signature}. The verifier
     * needs the payload separately.
     */
    public String signDetached(byte[] payload) {
        return signDetached(payload, JwsHeaders.NONE);
    }

    public String signDetached(byte[] payload, JwsHeaders extra) {
        return jws(payload, extra).serialize(true);
    }

    /** A compact JWS over the RFC 8785 canonical bytes of {@code json}. */
    public String signJson(String json, JwsHeaders extra) {
        return sign(CanonicalJson.canonicalize(json), extra);
    }

    private JWSObject jws(byte[] payload, JwsHeaders extra) {
        var jws = new JWSObject(headers.computeIfAbsent(extra, this::header), new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
        return jws;
    }

    private JWSHeader header(JwsHeaders extra) {
        var builder = new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertChain(x5c);
        if (extra.type() != null) {
            builder.type(new JOSEObjectType(extra.type()));
        }
        if (extra.contentType() != null) {
            builder.contentType(extra.contentType());
        }
        try {
            // A parsed header keeps its Base64URL form, so signing does not re-serialize it.
            return JWSHeader.parse(builder.build().toBase64URL());
        } catch (ParseException e) {
            throw new IllegalStateException("cannot re-read a header just written", e);
        }
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
