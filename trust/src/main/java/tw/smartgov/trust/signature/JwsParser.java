package tw.smartgov.trust.signature;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** Parses a compact JWS, refusing any algorithm but ES256 before anything else is looked at. */
final class JwsParser {
    private static final int CACHE_LIMIT = 1_000;
    // The same signers sign again and again: parse each distinct x5c certificate once.
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    JWSObject parse(String compact, byte @Nullable [] detachedPayload) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw malformed("a compact JWS has three dot-separated parts, this has " + parts.length);
        }
        requireEs256(parts[0]);
        if (detachedPayload != null && !parts[1].isEmpty()) {
            throw malformed("a detached JWS has an empty payload part");
        }
        try {
            return detachedPayload == null
                    ? JWSObject.parse(compact)
                    : JWSObject.parse(compact, new Payload(detachedPayload));
        } catch (ParseException | IllegalArgumentException e) {
            throw malformed("the JWS does not parse: " + e.getMessage());
        }
    }

    /** The x5c chain, leaf first. */
    List<X509Certificate> chain(JWSObject jws) {
        List<Base64> x5c = jws.getHeader().getX509CertChain();
        if (x5c == null || x5c.isEmpty()) {
            throw malformed("the JWS header has no x5c certificate chain, so its signer is unknown");
        }
        List<X509Certificate> chain = new ArrayList<>(x5c.size());
        for (Base64 encoded : x5c) {
            chain.add(certificate(encoded));
        }
        return chain;
    }

    private X509Certificate certificate(Base64 encoded) {
        X509Certificate cached = certificates.get(encoded.toString());
        if (cached != null) {
            return cached;
        }
        try {
            var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded.decode()));
            if (certificates.size() >= CACHE_LIMIT) {
                certificates.clear();
            }
            certificates.put(encoded.toString(), certificate);
            return certificate;
        } catch (CertificateException | RuntimeException e) {
            throw new TrustException(
                    TrustError.MALFORMED_CERTIFICATE, "a certificate in the JWS x5c header does not parse", e);
        }
    }

    private static void requireEs256(String encodedHeader) {
        Object alg;
        try {
            alg = JSONObjectUtils.parse(new Base64URL(encodedHeader).decodeToString())
                    .get("alg");
        } catch (ParseException | RuntimeException e) {
            throw malformed("the JWS header is not base64url-encoded JSON");
        }
        if (!JWSAlgorithm.ES256.getName().equals(alg)) {
            // Never "none" (no signature) nor HS* (a MAC keyed with a public key an attacker knows).
            throw new TrustException(
                    TrustError.SIGNATURE_INVALID, "the JWS algorithm is " + alg + "; only ES256 is accepted");
        }
    }

    private static TrustException malformed(String message) {
        return new TrustException(TrustError.MALFORMED_SIGNATURE, message);
    }
}
