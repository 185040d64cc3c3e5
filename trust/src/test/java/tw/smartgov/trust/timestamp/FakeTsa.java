package tw.smartgov.trust.timestamp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.UnaryOperator;

/** A tiny loopback HTTP TSA whose answer to each query is whatever the test makes of it. */
final class FakeTsa implements AutoCloseable {
    private final HttpServer server;

    /** @param answer turns the DER query into the DER reply; may block to play a slow TSA */
    FakeTsa(UnaryOperator<byte[]> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/tsa", exchange -> reply(exchange, answer));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    private static void reply(HttpExchange exchange, UnaryOperator<byte[]> answer) throws IOException {
        try (exchange) {
            byte[] reply = answer.apply(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        } catch (RuntimeException e) {
            // the client gave up (slow-TSA tests): nothing left to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
