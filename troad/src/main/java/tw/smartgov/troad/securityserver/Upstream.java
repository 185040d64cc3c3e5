package tw.smartgov.troad.securityserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * A response read completely from the next hop (peer or backend), its body spooled.
 *
 * <p>{@link #exchange} never waits longer than {@code wait} for the response to begin (the exchange
 * is aborted then): the request's idle timeout stops a silent next hop while the body streams, the
 * bounded wait stops one that never answers or keeps its headers trickling.
 */
record Upstream(
        int status,
        HttpFields headers,
        SpooledBody body,
        @Nullable PendingEnd end) implements AutoCloseable {

    /** A response read completely. */
    Upstream(int status, HttpFields headers, SpooledBody body) {
        this(status, headers, body, null);
    }

    /**
     * What is left of a response whose body was read by its announced length ({@link
     * HeaderPart#BODY_LENGTH}): its end, with the trailer confirming the provider's log record.
     */
    record PendingEnd(InputStream in, Response response, Request request) {}

    /** Why an exchange with the next hop failed. */
    enum Failure {
        REFUSED,
        TIMEOUT,
        TLS,
        OTHER
    }

    /** The next hop could not be reached or did not answer in time. */
    static final class Failed extends Exception {
        private final Failure failure;

        Failed(Failure failure, Throwable cause) {
            super(cause.toString(), cause);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    /** An exchange with a backend: reads the whole response. */
    static Upstream exchange(
            Request request, Duration idle, Deadlines deadlines, Duration wait, long maxBody, XRoadErrorType tooLarge)
            throws Failed, IOException {
        return exchange(request, idle, deadlines, wait, maxBody, tooLarge, false);
    }

    /**
     * An exchange with the next hop; with {@code peer}, a provider's security server, a response
     * announcing {@link HeaderPart#BODY_LENGTH} is read only up to its body's end, leaving the rest
     * to {@link #awaitProviderLog()}.
     */
    static Upstream exchange(
            Request request,
            Duration idle,
            Deadlines deadlines,
            Duration wait,
            long maxBody,
            XRoadErrorType tooLarge,
            boolean peer)
            throws Failed, IOException {
        var listener = new InputStreamResponseListener();
        // waited for without a timeout: the deadline ends the exchange instead (see Deadlines)
        var begun = new CompletableFuture<Response>();
        request.idleTimeout(idle.toMillis(), TimeUnit.MILLISECONDS)
                .onResponseHeaders(begun::complete)
                .onRequestFailure((r, failure) -> begun.completeExceptionally(failure))
                .onResponseFailure((r, failure) -> begun.completeExceptionally(failure));
        deadlines.bound(begun, wait, () -> {
            var timeout = new TimeoutException("no response within " + wait);
            begun.completeExceptionally(timeout);
            request.abort(timeout);
        });
        request.send(listener);
        Response response;
        try {
            response = begun.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            throw new Failed(Failure.OTHER, e);
        } catch (ExecutionException e) {
            request.abort(e.getCause() == null ? e : e.getCause());
            throw new Failed(classify(e.getCause()), e.getCause() == null ? e : e.getCause());
        }
        InputStream in = listener.getInputStream();
        try {
            long announced = peer ? announcedLength(response.getHeaders()) : -1;
            if (announced >= 0) {
                SpooledBody body = SpooledBody.readExactly(in, announced, maxBody, tooLarge);
                return new Upstream(
                        response.getStatus(),
                        HttpFields.build(response.getHeaders()),
                        body,
                        new PendingEnd(in, response, request));
            }
            try (in) {
                return new Upstream(
                        response.getStatus(),
                        HttpFields.build(response.getHeaders()),
                        SpooledBody.read(
                                in, response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH), maxBody, tooLarge));
            }
        } catch (IOException e) {
            request.abort(e);
            in.close();
            throw new Failed(classify(e), e);
        } catch (RuntimeException e) {
            request.abort(e);
            in.close();
            throw e;
        }
    }

    private static long announcedLength(HttpFields headers) {
        String value = headers.get(HeaderPart.BODY_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // refused below, like a negative length
        }
        throw new XRoadException(
                XRoadErrorType.RESPONSE_HASH_MISMATCH,
                "the provider's security server announced a body length that is not a length");
    }

    /**
     * Reads the end of a response whose provider confirms its log record in a trailer, and
     * returns once the trailer says the record is durable; at once for other responses.
     *
     * @throws XRoadException if the provider's record did not become durable, or the provider's
     *     security server did not confirm it (broken connection, idle timeout, no trailer)
     */
    void awaitProviderLog() {
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
        String confirmation = trailers == null ? null : trailers.get(HeaderPart.LOG_CONFIRMATION);
        if (!HeaderPart.DURABLE.equals(confirmation)) {
            throw new XRoadException(
                    XRoadErrorType.MESSAGE_LOG_UNAVAILABLE,
                    confirmation == null
                            ? "the provider's security server did not confirm its message log record"
                            : "the provider's security server could not make its message log record durable");
        }
    }

    static Failure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException) {
                return Failure.REFUSED;
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return Failure.TIMEOUT;
            }
            if (t instanceof SSLException) {
                return Failure.TLS;
            }
        }
        return Failure.OTHER;
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
