package tw.smartgov.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return SmartGov.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void helpListsEveryRoleAndCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("dev", "central", "security-server", "verify");
    }

    @Test
    void productionRolesRefuseH2() {
        assertThat(run("central", "--db-url", "jdbc:h2:mem:x")).isEqualTo(2);
        assertThat(err.toString()).contains("H2 is only for 'smartgov dev'");
    }

    @Test
    void productionRolesNeedADatabaseUrl() {
        assertThat(run("security-server", "--db-url", "")).isEqualTo(2);
        assertThat(err.toString()).contains("--db-url");
    }
}
