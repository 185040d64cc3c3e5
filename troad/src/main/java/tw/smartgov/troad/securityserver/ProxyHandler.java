package tw.smartgov.troad.securityserver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import tw.smartgov.troad.identifier.ClientId;
import tw.smartgov.troad.identifier.InvalidIdentifierException;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.protocol.XRoadHeaders;

/**
 * What both proxies share: blocking request handling on (virtual) threads, typed errors instead of
 * stack traces, metrics, and the message log barrier before a response is released.
 */
abstract class ProxyHandler extends Handler.Abstract {
    private final Logger log;
    private final ExchangeMetrics metrics;
    private final XRoadErrorType internal;

    ProxyHandler(Logger log, ExchangeMetrics metrics, XRoadErrorType internal) {
        this.log = log;
        this.metrics = metrics;
        this.internal = internal;
    }

    /** Serves the request completely, writing the response; throws XRoadException to refuse. */
    abstract void serve(Request request, Response response, Exchange exchange) throws Exception;

    @Override
    public final boolean handle(Request request, Response response, Callback callback) {
        var exchange = new Exchange();
        try {
            serve(request, response, exchange);
            callback.succeeded();
            XRoadErrorType late = exchange.failedAfterAnswer;
            metrics.record(exchange, late == null ? "ok" : late.type(), System.nanoTime() - exchange.startedNanos);
        } catch (XRoadException e) {
            log.info("X-Road-Id {}: {} ({})", exchange.xRoadId, e.type().type(), e.getMessage());
            fail(response, callback, e, exchange);
        } catch (Exception e) {
            log.warn("X-Road-Id {}: internal error", exchange.xRoadId, e);
            fail(response, callback, new XRoadException(internal, "internal error of the security server"), exchange);
        }
        return true;
    }

    private void fail(Response response, Callback callback, XRoadException error, Exchange exchange) {
        ErrorResponses.write(response, callback, error, exchange.xRoadId);
        metrics.record(exchange, error.type().type(), System.nanoTime() - exchange.startedNanos);
    }

    /** The single {@code X-Road-Client} header as a subsystem, or Client.BadRequest. */
    static SubsystemId clientOf(HttpFields headers) {
        List<String> values = headers.getValuesList(XRoadHeaders.CLIENT);
        if (values.size() != 1) {
            throw new XRoadException(
                    XRoadErrorType.BAD_REQUEST,
                    values.isEmpty() ? "the X-Road-Client header is missing" : "more than one X-Road-Client header");
        }
        try {
            if (ClientId.parse(values.getFirst()) instanceof SubsystemId subsystem) {
                return subsystem;
            }
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "X-Road-Client must name a subsystem");
        } catch (InvalidIdentifierException e) {
            throw new XRoadException(XRoadErrorType.BAD_REQUEST, "X-Road-Client is malformed: " + e.getMessage());
        }
    }

    /** The request's body, read completely; its Content-Length, if any, sizes the buffers. */
    static SpooledBody requestBody(Request request, long maxBodySize) throws IOException {
        return SpooledBody.read(
                Content.Source.asInputStream(request), request.getLength(), maxBodySize, XRoadErrorType.BAD_REQUEST);
    }

    /**
     * Waits until the log record is durable, at most {@code timeout}; anything else withholds the
     * response.
     */
    static void awaitLog(Deadlines deadlines, MessageLog messageLog, MessageRecord record, Duration timeout) {
        awaitLog(deadlines.bound(messageLog.record(record), timeout));
    }

    /**
     * Waits until {@code logged}, a log record being committed, is durable; without a timeout of its
     * own, so {@code logged} must be bounded ({@link Deadlines#bound}).
     */
    static void awaitLog(CompletableFuture<Void> logged) {
        try {
            logged.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw logUnavailable(e);
        } catch (ExecutionException | RuntimeException e) {
            throw logUnavailable(e);
        }
    }

    private static XRoadException logUnavailable(Exception e) {
        return new XRoadException(
                XRoadErrorType.MESSAGE_LOG_UNAVAILABLE, "the message log did not confirm the record", null, e);
    }

    /** Writes status, headers and the spooled body with a known length. */
    static void send(Response response, int status, HttpFields.Mutable headers, SpooledBody body) throws IOException {
        response.setStatus(status);
        for (HttpField field : headers) {
            response.getHeaders().add(field);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.size());
        byte[] memory = body.memory();
        if (memory != null) {
            // one last write: headers and body leave together, with no separate flush of the end
            write(response, true, ByteBuffer.wrap(memory));
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            body.writeTo(out);
        }
    }

    /**
     * Sends status, headers and {@code body} at once, chunked and without its end, then records the
     * exchange with {@code log} (which may write the record on this thread), waits until the record
     * is durable and ends the response with the trailer {@link
     * HeaderPart#LOG_CONFIRMATION}: {@link HeaderPart#DURABLE}, or the type of the error that kept
     * the record from being durable (then recorded in {@code exchange}). The client side releases
     * the response only after this trailer.
     */
    static void sendThenConfirmLog(
            Response response,
            int status,
            HttpFields.Mutable headers,
            byte[] body,
            Supplier<CompletableFuture<Void>> log,
            Deadlines deadlines,
            Duration timeout,
            Exchange exchange)
            throws IOException {
        response.setStatus(status);
        for (HttpField field : headers) {
            response.getHeaders().add(field);
        }
        HttpFields.Mutable trailers = HttpFields.build();
        response.setTrailersSupplier(() -> trailers);
        write(response, false, ByteBuffer.wrap(body));
        exchange.ended(Exchange.Phase.SEND);
        // logged only now: a locally journaled log is written by the appending thread
        CompletableFuture<Void> logged = log.get();
        try {
            awaitLog(deadlines.bound(logged, timeout));
            trailers.put(HeaderPart.LOG_CONFIRMATION, HeaderPart.DURABLE);
        } catch (XRoadException e) {
            trailers.put(HeaderPart.LOG_CONFIRMATION, e.type().type());
            exchange.failedAfterAnswer = e.type();
        }
        write(response, true, ByteBuffer.allocate(0));
        exchange.ended(Exchange.Phase.LOG);
    }

    private static void write(Response response, boolean last, ByteBuffer content) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(last, content, written);
            written.block();
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
