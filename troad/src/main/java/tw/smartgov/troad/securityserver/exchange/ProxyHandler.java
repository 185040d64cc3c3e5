package tw.smartgov.troad.securityserver.exchange;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * What both sides' Jetty handlers share: blocking request handling on (virtual) threads, typed
 * errors instead of stack traces, and metrics of every exchange.
 */
public abstract class ProxyHandler extends Handler.Abstract {
    private final Logger log;
    private final ExchangeMetrics metrics;
    private final XRoadErrorType internal;

    protected ProxyHandler(Logger log, ExchangeMetrics metrics, XRoadErrorType internal) {
        this.log = log;
        this.metrics = metrics;
        this.internal = internal;
    }

    /** Serves the request completely, writing the response; throws XRoadException to refuse. */
    protected abstract void serve(Request request, Response response, ExchangeTrace trace) throws Exception;

    @Override
    public final boolean handle(Request request, Response response, Callback callback) {
        var trace = new ExchangeTrace();
        try {
            serve(request, response, trace);
            callback.succeeded();
            XRoadErrorType late = trace.failedAfterAnswer;
            metrics.record(trace, late == null ? "ok" : late.type(), System.nanoTime() - trace.startedNanos);
        } catch (XRoadException e) {
            log.info("X-Road-Id {}: {} ({})", trace.xRoadId, e.type().type(), e.getMessage());
            fail(response, callback, e, trace);
        } catch (Exception e) {
            log.warn("X-Road-Id {}: internal error", trace.xRoadId, e);
            fail(response, callback, new XRoadException(internal, "internal error of the security server"), trace);
        }
        return true;
    }

    private void fail(Response response, Callback callback, XRoadException error, ExchangeTrace trace) {
        ErrorResponses.write(response, callback, error, trace.xRoadId);
        metrics.record(trace, error.type().type(), System.nanoTime() - trace.startedNanos);
    }
}
