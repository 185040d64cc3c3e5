package tw.smartgov.troad.securityserver.exchange;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * Errors Jetty raises before a proxy sees the request (an ambiguous URI, oversized headers) also
 * become typed T-Road errors, never Jetty's HTML page.
 */
public final class TypedErrorHandler extends ErrorHandler {
    private final XRoadErrorType internal;

    public TypedErrorHandler(XRoadErrorType internal) {
        this.internal = internal;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        boolean clientFault = code >= 400 && code < 500;
        var error = new XRoadException(
                clientFault ? XRoadErrorType.BAD_REQUEST : internal,
                clientFault ? "the request is malformed (HTTP " + code + ")" : "internal error of the security server");
        ErrorResponses.write(response, callback, error, null);
    }
}
