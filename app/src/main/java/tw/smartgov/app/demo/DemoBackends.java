package tw.smartgov.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.identity.NationalId;

/**
 * The demo agencies' own information systems, behind their security servers: MOI's household
 * register, MOF's tax records and BLI's labour insurance, each a small JSON API over the synthetic
 * citizens, on one loopback port.
 */
final class DemoBackends implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;

    DemoBackends() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        serve("/moi/household/persons/", (id) -> SyntheticCitizens.find(id).map(SyntheticCitizens::personRecord));
        serve("/bli/insurance/insured/", (id) -> SyntheticCitizens.find(id).map(SyntheticCitizens::insuranceRecord));
        server.createContext("/mof/tax/income/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            int year = query != null && query.matches("year=\\d{4}") ? Integer.parseInt(query.substring(5)) : 2025;
            answer(
                    exchange,
                    "/mof/tax/income/",
                    id -> SyntheticCitizens.find(id).map(c -> SyntheticCitizens.incomeRecord(c, year)));
        });
        server.start();
    }

    URI base(String agencyPath) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + agencyPath);
    }

    private void serve(String prefix, Function<String, java.util.Optional<Map<String, Object>>> lookup) {
        server.createContext(prefix, exchange -> answer(exchange, prefix, lookup));
    }

    private static void answer(
            HttpExchange exchange, String prefix, Function<String, java.util.Optional<Map<String, Object>>> lookup)
            throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring(prefix.length());
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, Map.of("error", "only GET is supported"));
            } else if (!NationalId.isValid(id)) {
                send(exchange, 400, Map.of("error", "not a valid national identification number: " + id));
            } else {
                var record = lookup.apply(id);
                if (record.isPresent()) {
                    send(exchange, 200, record.get());
                } else {
                    send(exchange, 404, Map.of("error", "no record for " + id));
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
