package tw.smartgov.troad.messagelog;

import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * One exchange as seen by one security server: the request and the response with the exact bytes
 * that were signed, so that evidence can be checked later without trusting this server: for each
 * message, {@code digest = SHA-512(SHA-512(UTF-8(headerPart)) || bodyDigest)} and {@code signature}
 * is a batch signature over {@code digest}. The request digest is the {@code X-Road-Request-Hash}.
 *
 * @param side which proxy wrote the record
 * @param xRoadId the {@code X-Road-Id} of the exchange
 * @param requestId the {@code X-Road-Request-Id}, unique per request
 * @param path the path below the service and the query, as sent (percent-encoded)
 * @param status the HTTP status of the response
 */
public record MessageRecord(
        Side side,
        String xRoadId,
        String requestId,
        SubsystemId client,
        ServiceId service,
        String method,
        String path,
        int status,
        Message request,
        Message response) {

    /** The client side (the caller's security server) or the provider side. */
    public enum Side {
        CLIENT,
        PROVIDER
    }

    /**
     * One signed message.
     *
     * @param headerPart the canonical header part (see the package's {@code HeaderPart})
     * @param bodyDigest SHA-512 of the body
     * @param digest the signed digest
     * @param signature the encoded batch signature over {@code digest}
     * @param size body size in bytes
     * @param body the body itself when it is small (at most {@link #SMALL_BODY} bytes), else null
     * @param at when the message was complete at this server
     */
    public record Message(
            String headerPart,
            byte[] bodyDigest,
            byte[] digest,
            String signature,
            long size,
            byte @Nullable [] body,
            Instant at) {
        public static final int SMALL_BODY = 64 * 1024;

        public String digestBase64() {
            return Base64.getEncoder().encodeToString(digest);
        }

        @Override
        public String toString() {
            return "Message[digest=" + digestBase64() + ", size=" + size + ", at=" + at + "]";
        }
    }
}
