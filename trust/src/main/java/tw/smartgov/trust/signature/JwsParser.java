package tw.smartgov.trust.signature;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * Parses a compact JWS, refusing any algorithm but ES256 before anything else is looked at.
 *
 * <p>The same signers sign again and again with the same protected header (its {@code x5c} chain
 * is most of a T-Road message signature), so each distinct encoded header is parsed once and its
 * result remembered: parsing is a pure function of those exact characters.
 */
final class JwsParser {
    private static final int CACHE_LIMIT = 1_000;
    private static final java.util.Base64.Encoder B64URL_ENCODER =
            java.util.Base64.getUrlEncoder().withoutPadding();

    /**
     * What a protected header says, once it was found to name ES256.
     *
     * @param chain the {@code x5c} chain, leaf first; empty when the header names its signer by
     *     {@code thumbprint} only
     * @param thumbprint the {@code x5t#S256} thumbprint, if given (it then matches the x5c leaf)
     */
    record Header(
            List<X509Certificate> chain,
            @Nullable String thumbprint,
            @Nullable String type,
            @Nullable String contentType,
            Set<String> critical) {

        /** The thumbprint to look the signer up by, when the header does not carry the chain. */
        Optional<String> thumbprintReference() {
            return chain.isEmpty() ? Optional.ofNullable(thumbprint) : Optional.empty();
        }
    }

    /**
     * A parsed JWS, its signature not yet checked.
     *
     * @param signingInput the ASCII bytes the signature covers
     */
    record Parsed(Header header, byte[] payload, byte[] signingInput, byte[] signature) {}

    private final Map<String, Header> headers = new ConcurrentHashMap<>();
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    Parsed parse(String compact, byte @Nullable [] detachedPayload) {
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw malformed("a compact JWS has three dot-separated parts, this has "
                    + (compact.chars().filter(c -> c == '.').count() + 1));
        }
        Header header = header(compact.substring(0, first));
        String encodedPayload = compact.substring(first + 1, second);
        if (detachedPayload != null && !encodedPayload.isEmpty()) {
            throw malformed("a detached JWS has an empty payload part");
        }
        // Each part is canonical base64url, so that a JWS string is the one encoding of what it carries.
        byte[] payload =
                detachedPayload != null ? detachedPayload.clone() : Base64Url.decode(encodedPayload, "the JWS payload");
        String signed = detachedPayload != null
                ? compact.substring(0, first + 1) + B64URL_ENCODER.encodeToString(detachedPayload)
                : compact.substring(0, second);
        return new Parsed(
                header,
                payload,
                signed.getBytes(StandardCharsets.US_ASCII),
                Base64Url.decode(compact.substring(second + 1), "the JWS signature"));
    }

    /** Parses a protected header (base64url), without remembering it. */
    static Header headerOf(String encoded) {
        return new JwsParser().header(encoded);
    }

    private Header header(String encoded) {
        Header known = headers.get(encoded);
        if (known != null) {
            return known;
        }
        requireEs256(Base64Url.decode(encoded, "the JWS header"));
        JWSHeader parsed;
        try {
            parsed = JWSHeader.parse(new Base64URL(encoded));
        } catch (ParseException | IllegalArgumentException e) {
            throw malformed("the JWS does not parse: " + e.getMessage());
        }
        var critical = parsed.getCriticalParams();
        List<X509Certificate> chain = chain(parsed);
        String thumbprint = thumbprint(parsed);
        if (chain.isEmpty() && thumbprint == null) {
            throw malformed("the JWS header has neither an x5c certificate chain nor an x5t#S256 thumbprint,"
                    + " so its signer is unknown");
        }
        if (!chain.isEmpty()
                && thumbprint != null
                && !thumbprint.equals(SignerCertificates.thumbprint(chain.getFirst()))) {
            throw new TrustException(
                    TrustError.SIGNATURE_INVALID, "the JWS header's x5t#S256 is not the thumbprint of its x5c signer");
        }
        Header header = new Header(
                chain,
                thumbprint,
                parsed.getType() == null ? null : parsed.getType().getType(),
                parsed.getContentType(),
                critical == null ? Set.of() : Set.copyOf(critical));
        if (headers.size() >= CACHE_LIMIT) {
            headers.clear();
        }
        headers.put(encoded, header);
        return header;
    }

    /** The x5t#S256 thumbprint, if any: canonical base64url of 32 bytes. */
    private static @Nullable String thumbprint(JWSHeader header) {
        Base64URL thumbprint = header.getX509CertSHA256Thumbprint();
        if (thumbprint == null) {
            return null;
        }
        if (Base64Url.decode(thumbprint.toString(), "the JWS header's x5t#S256").length != 32) {
            throw malformed("the JWS header's x5t#S256 is not a SHA-256 thumbprint (32 bytes)");
        }
        return thumbprint.toString();
    }

    /** The x5c chain, leaf first; empty if there is none. */
    private List<X509Certificate> chain(JWSHeader header) {
        List<Base64> x5c = header.getX509CertChain();
        if (x5c == null || x5c.isEmpty()) {
            return List.of();
        }
        List<X509Certificate> chain = new ArrayList<>(x5c.size());
        for (Base64 encoded : x5c) {
            chain.add(certificate(encoded));
        }
        return List.copyOf(chain);
    }

    private X509Certificate certificate(Base64 encoded) {
        X509Certificate cached = certificates.get(encoded.toString());
        if (cached != null) {
            return cached;
        }
        byte[] der = encoded.decode();
        Base64Url.requireCanonicalBase64(encoded.toString(), der, "a certificate in the JWS x5c header");
        try {
            var certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
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

    private static void requireEs256(byte[] header) {
        Object alg;
        try {
            alg = JSONObjectUtils.parse(new String(header, StandardCharsets.UTF_8))
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
