package tw.smartgov.troad.securityserver.exchange;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.protocol.XRoadHeaders;

/** Writes an error raised by T-Road itself: {@code X-Road-Error} and {@code {"type","message","detail"}}. */
public final class ErrorResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {}

    public static void write(Response response, Callback callback, XRoadException error, @Nullable String xRoadId) {
        if (response.isCommitted()) {
            callback.failed(error); // headers are out: all that is left is to break the connection
            return;
        }
        response.reset();
        response.setStatus(error.type().status());
        response.getHeaders().put(XRoadHeaders.ERROR, error.type().type());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        if (xRoadId != null) {
            response.getHeaders().put(XRoadHeaders.ID, xRoadId);
        }
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("type", error.type().type());
        body.put("message", error.getMessage());
        body.put("detail", error.detail() == null ? xRoadId : error.detail());
        byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
        response.write(true, java.nio.ByteBuffer.wrap(json), callback);
    }
}
