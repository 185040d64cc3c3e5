package tw.smartgov.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SchemaMigrationsTest extends TrustIntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void trustTablesLiveInTheTrustSchema() {
        Integer tables = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_schema = 'trust'"
                        + " and table_name = 'issued_certificate'",
                Integer.class);
        assertThat(tables).isEqualTo(1);
    }
}
