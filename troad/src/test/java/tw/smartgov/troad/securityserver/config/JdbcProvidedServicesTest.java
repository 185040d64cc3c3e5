package tw.smartgov.troad.securityserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;

class JdbcProvidedServicesTest {
    private static final SubsystemId PROVIDER = new MemberId("TW", "GOV", "B").subsystem("reg");
    private static final ServiceId PERSON = PROVIDER.service("person");
    private static final ServiceId TAX =
            new MemberId("TW", "GOV", "C").subsystem("tax").service("due");

    private final JdbcProvidedServices services = new JdbcProvidedServices(database(), Clock.systemUTC());

    private static JdbcTemplate database() {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:ps" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        new SchemaMigrations(dataSource, List.of(new ModuleSchema("troad")));
        return new JdbcTemplate(dataSource);
    }

    @Test
    void aPutServiceIsServedWithItsDocumentAndListedUnderItsProvider() {
        services.put(new ServiceDescription(PERSON, URI.create("http://10.0.0.5/api"), "{\"openapi\":\"3.0.3\"}"));
        services.put(new ServiceDescription(TAX, URI.create("https://tax.example/"), null));

        assertThat(services.backend(PERSON)).hasValue(URI.create("http://10.0.0.5/api"));
        assertThat(services.description(PERSON).orElseThrow().openApi()).isEqualTo("{\"openapi\":\"3.0.3\"}");
        assertThat(services.servicesOf(PROVIDER))
                .extracting(ServiceDescription::service)
                .containsExactly(PERSON);
        assertThat(services.list()).hasSize(2);
    }

    @Test
    void putReplacesAndRemoveStopsProviding() {
        services.put(new ServiceDescription(PERSON, URI.create("http://old/"), "x: 1"));
        services.put(new ServiceDescription(PERSON, URI.create("http://new/"), null));
        assertThat(services.description(PERSON))
                .hasValue(new ServiceDescription(PERSON, URI.create("http://new/"), null));

        assertThat(services.remove(PERSON)).isTrue();
        assertThat(services.remove(PERSON)).isFalse();
        assertThat(services.backend(PERSON)).isEmpty();
    }

    @Test
    void aBackendMustBeAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> new ServiceDescription(PERSON, URI.create("file:///etc/passwd"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http or https");
    }
}
