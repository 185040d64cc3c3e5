package tw.smartgov.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code smartgov central}: The national services: T-Road central server, identity, MyData, open data, portal, participation. Stateless; run several behind a load balancer on one PostgreSQL. */
@Command(
        name = "central",
        mixinStandardHelpOptions = true,
        description = {
            "The national services: T-Road central server, identity, MyData, open data, portal, participation. Stateless; run several behind a load balancer on one PostgreSQL.",
            "Runs on PostgreSQL only. Secrets come from the environment:",
            "  SMARTGOV_TRUST_KEYSTORE_PASSWORD, SMARTGOV_ADMIN_PASSWORD, SMARTGOV_DB_PASSWORD."
        })
final class CentralCommand implements Callable<Integer> {
    @Mixin
    ProductionOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ServerRole.CENTRAL.start(options.settings(spec.commandLine()));
        return 0;
    }
}
