package tw.smartgov.troad.messagelog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.signature.BatchSignature;
import tw.smartgov.trust.signature.SignerCertificates;

/**
 * One message-log entry as stored in the transparency log: canonical JSON (RFC 8785) of a {@link
 * MessageRecord}, binary values base64. {@code content} says what was kept: {@value #FULL} (bodies
 * the security server held, i.e. up to 64 KiB each), {@value #METADATA_ONLY} (no bodies, by
 * configuration), {@value #BODY_DROPPED} or {@value #HEADERS_DROPPED} (the entry would have
 * exceeded the log's entry limit). Digests and signatures are always kept.
 */
record MessageEntry(
        String type,
        String side,
        String xRoadId,
        String requestId,
        String client,
        String service,
        String method,
        String path,
        int status,
        String content,
        Part request,
        Part response) {
    static final String TYPE = "smartgov-message-record/v1";
    static final String FULL = "full";
    static final String METADATA_ONLY = "metadata-only";
    static final String BODY_DROPPED = "body-dropped-too-large";
    static final String HEADERS_DROPPED = "headers-dropped-too-large";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One signed message; {@code headerPart} and {@code body} may be left out, digests never. */
    record Part(
            @Nullable String headerPart,
            String bodyDigest,
            String digest,
            String signature,
            long size,
            @Nullable String body,
            String at) {
        static Part of(MessageRecord.Message m, boolean withHeaders, boolean withBody) {
            byte[] body = m.body();
            return new Part(
                    withHeaders ? m.headerPart() : null,
                    b64(m.bodyDigest()),
                    b64(m.digest()),
                    m.signature(),
                    m.size(),
                    withBody && body != null ? b64(body) : null,
                    m.at().toString());
        }
    }

    static MessageEntry of(MessageRecord r, String content) {
        boolean body = content.equals(FULL);
        boolean headers = !content.equals(HEADERS_DROPPED);
        return new MessageEntry(
                TYPE,
                r.side().name(),
                r.xRoadId(),
                r.requestId(),
                r.client().encoded(),
                r.service().encoded(),
                r.method(),
                r.path(),
                r.status(),
                content,
                Part.of(r.request(), headers, body),
                Part.of(r.response(), headers, body));
    }

    /**
     * The {@code x5t#S256} thumbprints of the certificates that the request's and response's
     * signatures name their signers by (none for signatures carrying their chain in {@code x5c}).
     */
    List<String> signerThumbprints() {
        return Stream.of(request, response)
                .flatMap(part ->
                        SignerCertificates.referencedBy(
                                BatchSignature.parse(part.signature()).rootJws())
                                .stream())
                .toList();
    }

    /** The canonical bytes stored in the log. */
    byte[] encode() {
        return CanonicalEntryWriter.write(this);
    }

    /** Parses a stored entry; anything else is {@link TrustError#MALFORMED_PROOF}. */
    static MessageEntry decode(byte[] entry) {
        try {
            MessageEntry parsed = JSON.readValue(new String(entry, StandardCharsets.UTF_8), MessageEntry.class);
            if (!TYPE.equals(parsed.type())) {
                throw new TrustException(TrustError.MALFORMED_PROOF, "the log entry is not a message record");
            }
            return parsed;
        } catch (JacksonException e) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF, "the log entry is not a message record: " + e.getOriginalMessage());
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
