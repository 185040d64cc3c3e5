package tw.smartgov.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options shared by the production roles, which run only on PostgreSQL. */
final class ProductionOptions {
    @Option(
            names = "--db-url",
            defaultValue = "${env:SMARTGOV_DB_URL}",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/smartgov (env SMARTGOV_DB_URL).")
    String dbUrl;

    @Option(
            names = "--db-user",
            defaultValue = "${env:SMARTGOV_DB_USER:-smartgov}",
            description =
                    "Database user (env SMARTGOV_DB_USER, default: smartgov). The password comes from env SMARTGOV_DB_PASSWORD.")
    String dbUser;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:SMARTGOV_DATA_DIR:-/var/lib/smartgov}",
            description = "Folder for keys (env SMARTGOV_DATA_DIR, default: /var/lib/smartgov).")
    Path dataDir;

    @Option(
            names = "--port",
            defaultValue = "${env:SMARTGOV_PORT:-8080}",
            description = "HTTP port (env SMARTGOV_PORT, default: 8080).")
    int port;

    /** Settings for the role, or a {@link ParameterException} saying what is missing. */
    Map<String, Object> settings(picocli.CommandLine cmd) {
        if (dbUrl == null || dbUrl.isBlank()) {
            throw new ParameterException(
                    cmd, "Missing --db-url (or env SMARTGOV_DB_URL): production roles need PostgreSQL.");
        }
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ParameterException(
                    cmd,
                    "--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://...); H2 is only for 'smartgov dev'.");
        }
        requireEnv(cmd, "SMARTGOV_TRUST_KEYSTORE_PASSWORD", "the password of the keystore");
        requireEnv(cmd, "SMARTGOV_ADMIN_PASSWORD", "the password of the 'admin' user of the management APIs");
        Map<String, Object> s = new HashMap<>();
        s.put("spring.datasource.url", dbUrl);
        s.put("spring.datasource.username", dbUser);
        s.put("spring.datasource.password", System.getenv().getOrDefault("SMARTGOV_DB_PASSWORD", ""));
        // one multi-row INSERT per batch instead of one per row: the transparency logs' group commits
        s.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        s.put("smartgov.data-dir", ServerRole.absolute(dataDir).toString());
        s.put("server.port", port);
        s.put("smartgov.trust.keystore-password", System.getenv("SMARTGOV_TRUST_KEYSTORE_PASSWORD"));
        s.put("smartgov.admin.password", System.getenv("SMARTGOV_ADMIN_PASSWORD"));
        return s;
    }

    private static void requireEnv(picocli.CommandLine cmd, String name, String what) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new ParameterException(cmd, "Missing env " + name + " (" + what + ").");
        }
    }
}
