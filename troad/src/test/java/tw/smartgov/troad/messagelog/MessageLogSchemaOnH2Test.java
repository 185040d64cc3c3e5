package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.log.TransparencyLogs;

/** The dev mode runs on H2 in PostgreSQL mode: the message log's tables and queries work there too. */
class MessageLogSchemaOnH2Test {
    @Test
    void theIndexAndArchiveTablesMigrateAndWorkOnH2() throws Exception {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:msglog" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        var migrations =
                new SchemaMigrations(dataSource, List.of(new ModuleSchema("trust"), new ModuleSchema("troad")));
        var jdbc = new JdbcTemplate(dataSource);
        var index = new MessageIndex(jdbc);
        var files = new ArchiveFiles(jdbc);
        var record = TsaOutageTest.record();
        Instant now = Instant.now();

        // through the log writer, as in dev mode: the rows are written with their entries
        var logs = new TransparencyLogs(
                dataSource,
                migrations,
                new TrustProperties(Path.of("unused"), "unused", null, Duration.ofSeconds(10), 16));
        try {
            logs.append(
                            "msglog-a",
                            new byte[] {1},
                            new MessageIndex.Row("msglog-a", record, now.minusSeconds(60)),
                            MessageIndex.ROWS)
                    .join();
            logs.append("msglog-a", new byte[] {2}, new MessageIndex.Row("msglog-a", record, now), MessageIndex.ROWS)
                    .join();
        } finally {
            logs.close();
        }

        assertThat(index.leaves("msglog-a", record.xRoadId())).containsExactly(0L, 1L);
        assertThat(index.endBefore("msglog-a", now.minusSeconds(1))).hasValue(1L);
        assertThat(index.endBefore("msglog-a", now.minusSeconds(600))).isEmpty();
        assertThat(index.logs()).containsExactly("msglog-a");
        assertThat(files.last("msglog-a")).isEmpty();
        files.insert("msglog-a", 0, 1, "f0", "ab".repeat(32), now);
        files.insert("msglog-a", 1, 2, "f1", "cd".repeat(32), now);
        assertThat(files.last("msglog-a")).hasValue(new ArchiveFiles.Last(2, "cd".repeat(32)));
    }
}
