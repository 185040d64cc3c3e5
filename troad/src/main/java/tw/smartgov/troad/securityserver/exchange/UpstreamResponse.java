package tw.smartgov.troad.securityserver.exchange;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * A response read completely from the next hop ({@link UpstreamCall}), the provider's security
 * server or a service's backend, or made by the provider side itself (a metaservice); its body
 * spooled.
 */
public record UpstreamResponse(
        int status,
        HttpFields headers,
        SpooledBody body,
        @Nullable PendingEnd end) implements AutoCloseable {

    /** A response read completely. */
    public UpstreamResponse(int status, HttpFields headers, SpooledBody body) {
        this(status, headers, body, null);
    }

    /**
     * What is left of a response whose body was read by its announced length ({@link
     * TRoadHeaders#BODY_LENGTH}): its end, with the trailer confirming the provider's log record.
     */
    record PendingEnd(InputStream in, Response response, Request request) {}

    /**
     * Reads the end of a response whose provider confirms its log record in a trailer, and
     * returns once the trailer says the record is durable; at once for other responses.
     *
     * @throws XRoadException if the provider's record did not become durable, or the provider's
     *     security server did not confirm it (broken connection, idle timeout, no trailer)
     */
    public void awaitProviderLog() {
        if (end == null) {
            return;
        }
        try (InputStream in = end.in()) {
            if (in.read() != -1) {
                throw new XRoadException(
                        XRoadErrorType.RESPONSE_HASH_MISMATCH, "the response is longer than its announced length");
            }
        } catch (IOException e) {
            end.request().abort(e);
            throw new XRoadException(
                    XRoadErrorType.SERVICE_PROVIDER_UNREACHABLE,
                    "the provider's security server did not confirm its message log record",
                    null,
                    e);
        }
        HttpFields trailers = end.response().getTrailers();
        String confirmation = trailers == null ? null : trailers.get(TRoadHeaders.LOG_CONFIRMATION);
        if (!TRoadHeaders.DURABLE.equals(confirmation)) {
            throw new XRoadException(
                    XRoadErrorType.MESSAGE_LOG_UNAVAILABLE,
                    confirmation == null
                            ? "the provider's security server did not confirm its message log record"
                            : "the provider's security server could not make its message log record durable");
        }
    }

    @Override
    public void close() {
        body.close();
        if (end != null) {
            try {
                end.in().close(); // aborts the response if its end was not read
            } catch (IOException e) {
                end.request().abort(e);
            }
        }
    }
}
