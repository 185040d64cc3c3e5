package tw.smartgov.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code smartgov access-rights list|grant|revoke}: manages a running security server's access
 * rights through its JSON API ({@code /admin/troad/security-server/access-rights}) as user admin.
 * Exit codes: 0 done, 1 refused by the server, 2 bad input or server unreachable.
 */
@Command(
        name = "access-rights",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, grants and revokes access rights of a running security server (deny by default).",
            "The admin password comes from SMARTGOV_ADMIN_PASSWORD or --password-file."
        },
        subcommands = {AccessRightsCommand.List.class, AccessRightsCommand.Grant.class, AccessRightsCommand.Revoke.class
        })
final class AccessRightsCommand implements Runnable {
    static final String API = "/admin/troad/security-server/access-rights";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand takes: where the server is and how to sign in. */
    abstract static class Call implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--server", defaultValue = "http://localhost:8080", description = "Base URL of the node.")
        URI server;

        @Option(
                names = "--password-file",
                description = "File holding the admin password (else SMARTGOV_ADMIN_PASSWORD).")
        @Nullable
        Path passwordFile;

        abstract HttpRequest.Builder request(HttpRequest.Builder builder);

        abstract void print(JsonNode body);

        String path() {
            return API;
        }

        @Override
        public Integer call() {
            try {
                var builder = HttpRequest.newBuilder(server.resolve(path()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", basic(password()))
                        .header("Accept", "application/json");
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(request(builder).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return outcome(response);
            } catch (IllegalArgumentException | IOException e) {
                spec.commandLine().getErr().println("cannot call " + server + ": " + e.getMessage());
                return 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            }
        }

        private int outcome(HttpResponse<String> response) {
            if (response.statusCode() / 100 == 2) {
                print(JSON.readTree(response.body()));
                return 0;
            }
            var err = spec.commandLine().getErr();
            if (response.statusCode() == 401) {
                err.println("refused: the admin password is wrong (HTTP 401)");
                return 1;
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                err.println("refused: " + problem.path("detail").asString("HTTP " + response.statusCode()) + " ["
                        + problem.path("code").asString("HTTP_" + response.statusCode()) + "]");
            } catch (RuntimeException e) {
                err.println("refused: HTTP " + response.statusCode());
            }
            return 1;
        }

        private String password() throws IOException {
            String password = passwordFile != null
                    ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip()
                    : System.getenv("SMARTGOV_ADMIN_PASSWORD");
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("set SMARTGOV_ADMIN_PASSWORD or give --password-file");
            }
            return password;
        }

        private static String basic(String password) {
            return "Basic "
                    + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every access right.")
    static final class List extends Call {
        @Override
        HttpRequest.Builder request(HttpRequest.Builder builder) {
            return builder.GET();
        }

        @Override
        void print(JsonNode body) {
            var out = spec.commandLine().getOut();
            body.path("accessRights").forEach(g -> out.println(line(g)));
            out.println(body.path("accessRights").size() + " access right(s)");
        }
    }

    /** Options naming one access right. */
    abstract static class OneRight extends Call {
        @Option(names = "--client", required = true, description = "Client subsystem, e.g. TW/GOV/NDC/mydata.")
        String client;

        @Option(names = "--service", required = true, description = "Service, e.g. TW/GOV/MOI/household/person-record.")
        String service;

        @Option(names = "--method", description = "Only this HTTP method (default: every method).")
        @Nullable
        String method;

        @Option(names = "--path", description = "Only below this path prefix, e.g. /persons (default: every path).")
        @Nullable
        String path;

        HttpRequest.BodyPublisher body() {
            Map<String, @Nullable String> grant = new LinkedHashMap<>();
            grant.put("client", client);
            grant.put("service", service);
            grant.put("method", method);
            grant.put("pathPrefix", path);
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(grant));
        }

        @Override
        HttpRequest.Builder request(HttpRequest.Builder builder) {
            return builder.header("Content-Type", "application/json").POST(body());
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Grants a client access to a service.")
    static final class Grant extends OneRight {
        @Override
        void print(JsonNode body) {
            spec.commandLine().getOut().println("granted: " + line(body));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes exactly this access right.")
    static final class Revoke extends OneRight {
        @Override
        String path() {
            return API + "/revoke";
        }

        @Override
        void print(JsonNode body) {
            spec.commandLine().getOut().println("revoked: " + line(body));
        }
    }

    static String line(JsonNode grant) {
        return grant.path("client").asString() + " -> " + grant.path("service").asString() + " method "
                + orAll(grant.path("method")) + " path " + orAll(grant.path("pathPrefix"));
    }

    private static String orAll(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "*" : value.asString();
    }
}
