package tw.smartgov.troad.securityserver.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.protocol.XRoadErrorType;

/** Answers a security server makes itself (metaservices), shaped like a next hop's response. */
public final class LocalAnswers {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalAnswers() {}

    /** {@code value} as JSON, status 200. */
    public static UpstreamResponse json(Object value) throws IOException {
        return of(JSON.writeValueAsBytes(value), "application/json");
    }

    /** {@code bytes} of the given type (UTF-8), status 200. */
    public static UpstreamResponse of(byte[] bytes, String contentType) throws IOException {
        var headers = HttpFields.build();
        headers.put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        return new UpstreamResponse(
                200,
                headers,
                SpooledBody.read(
                        new ByteArrayInputStream(bytes), Long.MAX_VALUE, XRoadErrorType.SERVER_PROXY_INTERNAL));
    }
}
