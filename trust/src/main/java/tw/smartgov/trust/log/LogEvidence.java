package tw.smartgov.trust.log;

import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * The self-contained JSON documents a log exports so that anyone can check, offline, that an
 * entry is in the log ({@link Inclusion}) or that the log only grew between two signed heads
 * ({@link Consistency}). Binary values are base64; {@code crl} is the CA's CRL (DER) at export
 * time, for revocation checks without a network.
 */
public final class LogEvidence {
    public static final String INCLUSION_TYPE = "smartgov-inclusion-proof/v1";
    public static final String CONSISTENCY_TYPE = "smartgov-consistency-proof/v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogEvidence() {}

    /** A signed tree head: its JWS, and the RFC 3161 token over the JWS bytes if stamped. */
    public record TreeHead(String jws, @Nullable String timestampToken) {
        static TreeHead of(SignedTreeHead head) {
            byte[] token = head.timestampToken();
            return new TreeHead(head.jws(), token == null ? null : b64(token));
        }
    }

    public record Inclusion(
            String type,
            String log,
            long leafIndex,
            long treeSize,
            String entry,
            List<String> auditPath,
            TreeHead treeHead,
            @Nullable String crl) {}

    public record Consistency(
            String type,
            String log,
            TreeHead first,
            TreeHead second,
            List<String> proof,
            @Nullable String crl) {}

    static Inclusion inclusion(byte[] entry, InclusionProof proof, SignedTreeHead head, byte @Nullable [] crl) {
        return new Inclusion(
                INCLUSION_TYPE,
                head.log(),
                proof.leafIndex(),
                proof.treeSize(),
                b64(entry),
                proof.path().stream().map(LogEvidence::b64).toList(),
                TreeHead.of(head),
                crl == null ? null : b64(crl));
    }

    static Consistency consistency(
            ConsistencyProof proof, SignedTreeHead first, SignedTreeHead second, byte @Nullable [] crl) {
        return new Consistency(
                CONSISTENCY_TYPE,
                first.log(),
                TreeHead.of(first),
                TreeHead.of(second),
                proof.path().stream().map(LogEvidence::b64).toList(),
                crl == null ? null : b64(crl));
    }

    public static String toJson(Object evidence) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(evidence);
    }

    /** Parses evidence JSON; anything malformed is {@link TrustError#MALFORMED_PROOF}. */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF,
                    "not a SmartGov " + type.getSimpleName().toLowerCase() + " proof: " + e.getOriginalMessage());
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] unb64(@Nullable String text, String what) {
        if (text == null) {
            throw new TrustException(TrustError.MALFORMED_PROOF, what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new TrustException(TrustError.MALFORMED_PROOF, what + " is not valid base64");
        }
    }
}
