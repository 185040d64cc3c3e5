package tw.smartgov.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code smartgov security-server}: The gateway each T-Road member runs in front of its own information systems. */
@Command(
        name = "security-server",
        mixinStandardHelpOptions = true,
        description = {
            "The gateway each T-Road member runs in front of its own information systems.",
            "Runs on PostgreSQL only. Secrets come from the environment:",
            "  SMARTGOV_TRUST_KEYSTORE_PASSWORD, SMARTGOV_ADMIN_PASSWORD, SMARTGOV_DB_PASSWORD."
        })
final class SecurityServerCommand implements Callable<Integer> {
    @Mixin
    ProductionOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ServerRole.SECURITY_SERVER.start(options.settings(spec.commandLine()));
        return 0;
    }
}
