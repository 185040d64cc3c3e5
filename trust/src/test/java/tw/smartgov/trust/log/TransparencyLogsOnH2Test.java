package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;

/** The same log on H2 in PostgreSQL mode, migrated by Flyway, without a Spring context. */
class TransparencyLogsOnH2Test {

    @Test
    void logWorksOnH2InPostgresMode() throws Exception {
        DataSource h2 = h2();
        new SchemaMigrations(h2, List.of(new ModuleSchema("trust")));
        List<byte[]> entries = ExhaustiveProofTest.entries(100);
        ReferenceMerkle reference = ReferenceMerkle.ofEntries(entries);
        TransparencyLogs logs = new TransparencyLogs(h2, 16);
        try {
            List<CompletableFuture<Long>> futures = entries.subList(0, 60).stream()
                    .map(e -> logs.append("h2-log", e))
                    .toList();
            assertThat(futures.stream().map(CompletableFuture::join).toList())
                    .containsExactlyElementsOf(
                            java.util.stream.LongStream.range(0, 60).boxed().toList());
        } finally {
            logs.close();
        }
        TransparencyLogs restarted = new TransparencyLogs(h2, 16);
        try {
            entries.subList(60, 100).forEach(e -> restarted.appendAndWait("h2-log", e));

            assertThat(restarted.treeHead("h2-log")).isEqualTo(new TreeHead(100, reference.root(100)));
            assertThat(restarted.inclusionProof("h2-log", 37, 91))
                    .isEqualTo(new InclusionProof(37, 91, reference.path(37, 91)));
            assertThat(restarted.consistencyProof("h2-log", 13, 100))
                    .isEqualTo(new ConsistencyProof(13, 100, reference.proof(13, 100)));
            assertThat(restarted.entry("h2-log", 99)).isEqualTo(entries.get(99));
            restarted.checkConsistency("h2-log");
        } finally {
            restarted.close();
        }
    }

    @Test
    void journaledLogWorksOnH2AsInDevMode(@TempDir Path journals) throws Exception {
        DataSource h2 = h2();
        new SchemaMigrations(h2, List.of(new ModuleSchema("trust")));
        List<byte[]> entries = ExhaustiveProofTest.entries(50);
        TransparencyLogs logs = new TransparencyLogs(h2, 16, null, journals);
        logs.journalLocally("h2-journaled");
        try {
            List<CompletableFuture<Long>> futures =
                    entries.stream().map(e -> logs.append("h2-journaled", e)).toList();
            assertThat(futures.stream().map(CompletableFuture::join).toList())
                    .containsExactlyElementsOf(
                            java.util.stream.LongStream.range(0, 50).boxed().toList());
            assertThat(logs.treeHead("h2-journaled"))
                    .isEqualTo(
                            new TreeHead(50, ReferenceMerkle.ofEntries(entries).root(50)));
            logs.checkConsistency("h2-journaled");
        } finally {
            logs.close();
        }
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:transparency-log;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
