package tw.smartgov.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.TestPki;

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
    void verifyEvidenceRefusesADocumentThatIsNotMessageEvidence(@TempDir Path dir) throws Exception {
        Path anchor = Files.writeString(
                dir.resolve("root.pem"), Pem.encode(List.of(TestPki.newCa().root())));
        Path file = Files.writeString(dir.resolve("e.json"), "{\"type\":\"smartgov-inclusion-proof/v1\"}");

        assertThat(run("verify", "evidence", "--anchor", anchor.toString(), file.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("NOT VERIFIED", "smartgov-message-evidence/v1", "MALFORMED_PROOF");
    }

    @Test
    void verifyEvidenceWithoutReadableInputExitsWithTwo(@TempDir Path dir) {
        assertThat(run("verify", "evidence", "--anchor", dir.resolve("none.pem").toString(), "x.json"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read input");
    }

    @Test
    void productionRolesRefuseH2() {
        assertThat(run("central", "--db-url", "jdbc:h2:mem:x")).isEqualTo(2);
        assertThat(err.toString()).contains("H2 is only for 'smartgov dev'");
    }

    @Test
    void aSecurityServerNeedsToKnowWhoItIsAndWhereTheCentralServerIs() {
        assertThat(run("security-server", "--db-url", "jdbc:postgresql://127.0.0.1/x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--member", "--clients", "--central-url");
    }

    @Test
    void productionRolesNeedADatabaseUrl() {
        assertThat(run(
                        "security-server",
                        "--db-url",
                        "",
                        "--member",
                        "TW/GOV/MOI",
                        "--clients",
                        "TW/GOV/MOI/household",
                        "--central-url",
                        "http://127.0.0.1:1",
                        "--public-host",
                        "127.0.0.1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--db-url");
    }
}
