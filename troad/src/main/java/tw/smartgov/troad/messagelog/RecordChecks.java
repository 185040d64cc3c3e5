package tw.smartgov.troad.messagelog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.signature.BatchSignature;
import tw.smartgov.trust.signature.BatchVerifier;

/**
 * Checks inside one {@link MessageEntry}: each logged body hashes to its body digest, each header
 * part and body digest give the signed digest ({@code SHA-512(SHA-512(headerPart) || bodyDigest)},
 * as the security server computes it), the response names the request's digest, and each batch
 * signature verifies over its digest with a chain valid at {@code at} (the time-stamp's time).
 */
final class RecordChecks {
    private final BatchVerifier verifier;

    RecordChecks(BatchVerifier verifier) {
        this.verifier = verifier;
    }

    List<String> verify(MessageEntry entry, Instant at) {
        List<String> checks = new ArrayList<>();
        part("request", entry.request(), at, checks);
        part("response", entry.response(), at, checks);
        String responseHeaders = entry.response().headerPart();
        if (responseHeaders != null) {
            String[] lines = responseHeaders.split("\n", -1);
            if (lines.length < 4 || !lines[3].equals(entry.request().digest())) {
                throw invalid("the response does not name the request's digest: it answers another request");
            }
            checks.add("the response answers this request (X-Road-Request-Hash)");
        }
        return checks;
    }

    private void part(String name, MessageEntry.Part part, Instant at, List<String> checks) {
        byte[] bodyDigest = unb64(part.bodyDigest(), name + " body digest");
        byte[] digest = unb64(part.digest(), name + " digest");
        String body = part.body();
        if (body != null) {
            if (!Arrays.equals(sha512(unb64(body, name + " body")), bodyDigest)) {
                throw invalid("the " + name + " body does not match its digest: the body was altered");
            }
            checks.add(name + " body (" + part.size() + " bytes) matches its digest");
        } else {
            checks.add(name + " body not logged (" + part.size() + " bytes): only its digest is checked");
        }
        String headerPart = part.headerPart();
        if (headerPart != null) {
            if (!Arrays.equals(messageDigest(headerPart, bodyDigest), digest)) {
                throw invalid("the " + name + " header part and body digest do not give the signed digest:"
                        + " the record was altered");
            }
            checks.add(name + " digest recomputes from its header part and body digest");
        }
        var signer = verifier.verifyAt(digest, BatchSignature.parse(part.signature()), at);
        checks.add(name + " signature verifies, by "
                + signer.getSubjectX500Principal().getName() + ", chain valid and not revoked at " + at);
    }

    static byte[] messageDigest(String headerPart, byte[] bodyDigest) {
        MessageDigest outer = sha512Digest();
        outer.update(sha512(headerPart.getBytes(StandardCharsets.UTF_8)));
        outer.update(bodyDigest);
        return outer.digest();
    }

    static byte[] sha512(byte[] data) {
        return sha512Digest().digest(data);
    }

    private static MessageDigest sha512Digest() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unb64(@Nullable String text, String what) {
        if (text == null) {
            throw new TrustException(TrustError.MALFORMED_PROOF, "the " + what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new TrustException(TrustError.MALFORMED_PROOF, "the " + what + " is not valid base64");
        }
    }

    private static TrustException invalid(String why) {
        return new TrustException(TrustError.PROOF_INVALID, why);
    }
}
