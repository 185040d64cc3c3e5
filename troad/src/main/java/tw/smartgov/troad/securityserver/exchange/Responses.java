package tw.smartgov.troad.securityserver.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** Writes a response to the caller of either side, blocking until it is written. */
public final class Responses {
    private Responses() {}

    /** Writes status, headers and the spooled body with a known length. */
    public static void send(Response response, int status, HttpFields headers, SpooledBody body) throws IOException {
        begin(response, status, headers);
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

    /** Sets the status and adds the headers, writing nothing yet. */
    public static void begin(Response response, int status, HttpFields headers) {
        response.setStatus(status);
        for (HttpField field : headers) {
            response.getHeaders().add(field);
        }
    }

    /** Writes {@code content}, the response's end if {@code last}. */
    public static void write(Response response, boolean last, ByteBuffer content) throws IOException {
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(last, content, written);
            written.block();
        }
    }
}
