package tw.smartgov.troad.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;

/** The dev mode runs on H2 in PostgreSQL mode: the central tables and queries must work there too. */
class CentralSchemaOnH2Test {
    @Test
    void theRegistryTablesMigrateAndWorkOnH2() {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:central" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        new SchemaMigrations(dataSource, List.of(new ModuleSchema("troad")));
        var jdbc = new JdbcTemplate(dataSource);
        var members = new Members(jdbc);
        var subsystems = new Subsystems(jdbc);
        var tokens = new RegistrationTokens(jdbc);
        var moi = MemberId.parse("TW/GOV/MOI");

        assertThat(members.insert(moi, "內政部", Instant.now())).isTrue();
        assertThat(members.insert(moi, "again", Instant.now())).isFalse();
        assertThat(subsystems.insert(moi.subsystem("household"), Instant.now())).isTrue();
        tokens.insert(
                "ab".repeat(32),
                new RegistrationTokens.Grant(
                        moi,
                        "ss1",
                        "https://ss1",
                        List.of(SubsystemId.parse("TW/GOV/MOI/household")),
                        Instant.now(),
                        null),
                Instant.now());

        assertThat(members.all()).extracting(Members.Member::name).containsExactly("內政部");
        assertThat(tokens.lock("ab".repeat(32)))
                .hasValueSatisfying(g -> assertThat(g.clients()).hasSize(1));
        assertThat(tokens.markUsed("ab".repeat(32), Instant.now())).isTrue();
        assertThat(tokens.markUsed("ab".repeat(32), Instant.now())).isFalse();
        assertThat(new PublishedConfigurations(jdbc).latest()).isEmpty();
        assertThat(new SecurityServers(jdbc).all()).isEmpty();
    }
}
