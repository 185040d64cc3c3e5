package tw.smartgov.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smartgov security-server}: the gateway each T-Road member runs in front of its systems. */
@Command(
        name = "security-server",
        mixinStandardHelpOptions = true,
        description = {
            "The gateway each T-Road member runs in front of its own information systems.",
            "Runs on PostgreSQL only. Secrets come from the environment:",
            "  SMARTGOV_TRUST_KEYSTORE_PASSWORD, SMARTGOV_ADMIN_PASSWORD, SMARTGOV_DB_PASSWORD,",
            "  SMARTGOV_TROAD_REGISTRATION_TOKEN (the one-time token, for the first start only)."
        })
final class SecurityServerCommand implements Callable<Integer> {
    @Mixin
    ProductionOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--member", required = true, description = "The member running it, e.g. TW/GOV/MOI.")
    String member;

    @Option(
            names = "--code",
            defaultValue = "ss1",
            description = "Its code within the member (default: ${DEFAULT-VALUE}).")
    String code;

    @Option(
            names = "--clients",
            required = true,
            split = ",",
            description = "The member's subsystems it serves, e.g. TW/GOV/MOI/household.")
    List<String> clients;

    @Option(names = "--central-url", required = true, description = "The central server, e.g. https://central.gov.tw.")
    String centralUrl;

    @Option(
            names = "--anchor-file",
            description = "The central server's configuration anchor, obtained out of band (GET /troad/anchor.json).")
    Path anchorFile;

    @Option(names = "--public-host", required = true, description = "The name or IP peers reach the provider port at.")
    String publicHost;

    @Option(
            names = "--client-port",
            defaultValue = "8081",
            description = "Port for your own systems (default: ${DEFAULT-VALUE}).")
    int clientPort;

    @Option(
            names = "--provider-port",
            defaultValue = "5500",
            description = "Port for peer security servers, mutual TLS (default: ${DEFAULT-VALUE}).")
    int providerPort;

    @Override
    public Integer call() {
        Map<String, Object> settings = options.settings(spec.commandLine());
        String prefix = "smartgov.troad.security-server.";
        settings.put(prefix + "member", member);
        settings.put(prefix + "code", code);
        settings.put(prefix + "clients", String.join(",", clients));
        settings.put(prefix + "central-url", centralUrl);
        settings.put(prefix + "public-host", publicHost);
        settings.put(prefix + "client-port", clientPort);
        settings.put(prefix + "provider-port", providerPort);
        if (anchorFile != null) {
            settings.put(prefix + "anchor-file", anchorFile.toAbsolutePath().toString());
        }
        String token = System.getenv("SMARTGOV_TROAD_REGISTRATION_TOKEN");
        if (token != null && !token.isBlank()) {
            settings.put(prefix + "registration-token", token);
        }
        ServerRole.SECURITY_SERVER.start(settings);
        return 0;
    }
}
