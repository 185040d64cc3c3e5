package tw.smartgov.troad.securityserver.exchange;

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
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * A call of the next hop, the provider's security server or a service's backend, read into an
 * {@link UpstreamResponse}. It never waits longer than {@code wait} for the response to begin (the
 * call is aborted then): the request's idle timeout stops a silent next hop while the body streams,
 * the bounded wait stops one that never answers or keeps its headers trickling.
 */
public final class UpstreamCall {
    private UpstreamCall() {}

    /** Why an exchange with the next hop failed. */
    public enum Failure {
        REFUSED,
        TIMEOUT,
        TLS,
        OTHER
    }

    /** The next hop could not be reached or did not answer in time. */
    public static final class Failed extends Exception {
        private final Failure failure;

        Failed(Failure failure, Throwable cause) {
            super(cause.toString(), cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** A call of a backend: reads the whole response. */
    public static UpstreamResponse send(
            Request request, Duration idle, Deadlines deadlines, Duration wait, long maxBody, XRoadErrorType tooLarge)
            throws Failed, IOException {
        return send(request, idle, deadlines, wait, maxBody, tooLarge, false);
    }

    /**
     * A call of the next hop; with {@code peer}, a provider's security server, a response
     * announcing {@link TRoadHeaders#BODY_LENGTH} is read only up to its body's end, leaving the rest
     * to {@link UpstreamResponse#awaitProviderLog()}.
     */
    public static UpstreamResponse send(
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
            Throwable cause = e.getCause() == null ? e : e.getCause();
            request.abort(cause);
            throw new Failed(classify(cause), cause);
        }
        InputStream in = listener.getInputStream();
        try {
            long announced = peer ? announcedLength(response.getHeaders()) : -1;
            if (announced >= 0) {
                SpooledBody body = SpooledBody.readExactly(in, announced, maxBody, tooLarge);
                return new UpstreamResponse(
                        response.getStatus(),
                        HttpFields.build(response.getHeaders()),
                        body,
                        new UpstreamResponse.PendingEnd(in, response, request));
            }
            try (in) {
                return new UpstreamResponse(
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
        String value = headers.get(TRoadHeaders.BODY_LENGTH);
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

    public static Failure classify(Throwable error) {
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
}
