package tw.smartgov.troad.securityserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
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

/**
 * A response read completely from the next hop (peer or backend), its body spooled.
 *
 * <p>{@link #exchange} never waits longer than {@code wait}: the request's idle timeout stops a
 * silent next hop while the body streams, the bounded wait stops one that never answers.
 */
record Upstream(int status, HttpFields headers, SpooledBody body) implements AutoCloseable {

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

    static Upstream exchange(Request request, Duration idle, Duration wait, long maxBody, XRoadErrorType tooLarge)
            throws Failed, IOException {
        var listener = new InputStreamResponseListener();
        request.idleTimeout(idle.toMillis(), TimeUnit.MILLISECONDS).send(listener);
        Response response;
        try {
            response = listener.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            throw new Failed(Failure.OTHER, e);
        } catch (TimeoutException e) {
            request.abort(e);
            throw new Failed(Failure.TIMEOUT, e);
        } catch (ExecutionException e) {
            throw new Failed(classify(e.getCause()), e.getCause() == null ? e : e.getCause());
        }
        try (InputStream in = listener.getInputStream()) {
            return new Upstream(
                    response.getStatus(),
                    HttpFields.build(response.getHeaders()),
                    SpooledBody.read(
                            in, response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH), maxBody, tooLarge));
        } catch (IOException e) {
            request.abort(e);
            throw new Failed(classify(e), e);
        } catch (RuntimeException e) {
            request.abort(e);
            throw e;
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
    }
}
