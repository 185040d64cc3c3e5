package tw.smartgov.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access-rights CLI against a local stub of the management API. */
class AccessRightsCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<String> calls = new ArrayList<>();
    HttpServer stub;
    Path passwordFile;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        passwordFile = Files.writeString(dir.resolve("pw"), "s3cret\n");
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/admin/troad/security-server/access-rights", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization") + " "
                            + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            String answer;
            int status = 200;
            if (exchange.getRequestURI().getPath().endsWith("/revoke")) {
                status = 404;
                answer = "{\"code\":\"ACCESS_RIGHT_NOT_FOUND\",\"detail\":\"no such access right\"}";
            } else if (exchange.getRequestMethod().equals("GET")) {
                answer = "{\"accessRights\":[{\"client\":\"TW/GOV/NDC/mydata\","
                        + "\"service\":\"TW/GOV/MOI/household/person-record\",\"method\":null,\"pathPrefix\":null}]}";
            } else {
                status = 201;
                answer = body;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    int run(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--server",
                "http://127.0.0.1:" + stub.getAddress().getPort(),
                "--password-file",
                passwordFile.toString()));
        return SmartGov.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    @Test
    void listPrintsEveryAccessRightSignedInAsAdmin() {
        assertThat(run("access-rights", "list")).isZero();
        assertThat(out.toString())
                .contains("TW/GOV/NDC/mydata -> TW/GOV/MOI/household/person-record method * path *", "1 access right");
        assertThat(calls.getFirst())
                .startsWith("GET /admin/troad/security-server/access-rights Basic YWRtaW46czNjcmV0");
    }

    @Test
    void grantSendsTheGrantAsJson() {
        int code = run(
                "access-rights",
                "grant",
                "--client",
                "TW/GOV/NDC/mydata",
                "--service",
                "TW/GOV/MOI/household/person-record",
                "--method",
                "GET",
                "--path",
                "/persons");
        assertThat(code).as(err.toString()).isZero();
        assertThat(calls.getFirst())
                .contains("POST /admin/troad/security-server/access-rights ", "application/json")
                .contains("\"client\":\"TW/GOV/NDC/mydata\"", "\"method\":\"GET\"", "\"pathPrefix\":\"/persons\"");
        assertThat(out.toString())
                .contains("granted: TW/GOV/NDC/mydata -> TW/GOV/MOI/household/person-record method GET path /persons");
    }

    @Test
    void aRefusalPrintsTheProblemAndExitsWithOne() {
        int code = run("access-rights", "revoke", "--client", "TW/GOV/NDC/mydata", "--service", "TW/GOV/MOI/h/p");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no such access right [ACCESS_RIGHT_NOT_FOUND]");
    }

    @Test
    void missingRequiredOptionsAreReported() {
        assertThat(run("access-rights", "grant", "--client", "TW/GOV/NDC/mydata"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--service");
    }
}
