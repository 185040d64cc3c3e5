package tw.smartgov.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smartgov dev}: every module in one process on an embedded H2 database with demo data. */
@Command(
        name = "dev",
        mixinStandardHelpOptions = true,
        description = {
            "Runs every SmartGov module in one process on an embedded H2 database (PostgreSQL mode),",
            "with demo data, for trying SmartGov out and for development. Not for production."
        })
final class DevCommand implements Callable<Integer> {
    @Option(
            names = "--data-dir",
            defaultValue = "smartgov-data",
            description = "Folder for the database, keys and generated secrets (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port of the web pages and APIs (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        ServerRole.DEV.start(settings());
        return 0;
    }

    /** The Spring settings of a dev node: H2 under the data folder, secrets generated once. */
    Map<String, Object> settings() {
        Path dir = ServerRole.absolute(dataDir);
        var secrets = DevSecrets.loadOrCreate(dir);
        Map<String, Object> settings = new HashMap<>();
        secrets.forEach((k, v) -> settings.put((String) k, v));
        settings.put("smartgov.data-dir", dir.toString());
        settings.put("server.port", port);
        settings.put(
                "spring.datasource.url",
                "jdbc:h2:file:"
                        + dir.resolve("db/smartgov")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        settings.put("spring.datasource.username", "sa");
        settings.put("spring.datasource.password", "");
        return settings;
    }
}
