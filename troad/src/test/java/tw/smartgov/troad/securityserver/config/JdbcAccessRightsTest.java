package tw.smartgov.troad.securityserver.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import tw.smartgov.trust.testing.MutableClock;

class JdbcAccessRightsTest {
    private static final SubsystemId CLIENT = new MemberId("TW", "GOV", "A").subsystem("app");
    private static final SubsystemId OTHER = new MemberId("TW", "GOV", "A").subsystem("other");
    private static final ServiceId SERVICE =
            new MemberId("TW", "GOV", "B").subsystem("reg").service("person");

    private final JdbcAccessRights rights = new JdbcAccessRights(database(), Clock.systemUTC());

    private static JdbcTemplate database() {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:ss" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        new SchemaMigrations(dataSource, List.of(new ModuleSchema("troad")));
        return new JdbcTemplate(dataSource);
    }

    @Test
    void deniesEverythingUntilGranted() {
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "")).isFalse();
        rights.grant(AccessGrant.whole(CLIENT, SERVICE));
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "")).isTrue();
        assertThat(rights.allows(CLIENT, SERVICE, "DELETE", "/a/b")).isTrue();
        assertThat(rights.allows(OTHER, SERVICE, "GET", "")).isFalse();
    }

    @Test
    void grantsMayBeLimitedToAMethodAndAPathPrefix() {
        rights.grant(new AccessGrant(CLIENT, SERVICE, "get", "/persons"));
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "/persons")).isTrue();
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "/persons/7")).isTrue();
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "/personsX")).isFalse();
        assertThat(rights.allows(CLIENT, SERVICE, "POST", "/persons")).isFalse();
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "")).isFalse();
    }

    @Test
    void grantIsIdempotentAndRevokeRemovesExactlyTheGrant() {
        var limited = new AccessGrant(CLIENT, SERVICE, "GET", "/persons");
        rights.grant(limited);
        rights.grant(limited);
        rights.grant(AccessGrant.whole(OTHER, SERVICE));
        assertThat(rights.list()).containsExactlyInAnyOrder(limited, AccessGrant.whole(OTHER, SERVICE));

        assertThat(rights.revoke(AccessGrant.whole(CLIENT, SERVICE))).isFalse();
        assertThat(rights.revoke(limited)).isTrue();
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "/persons")).isFalse();
        assertThat(rights.list()).containsExactly(AccessGrant.whole(OTHER, SERVICE));
    }

    @Test
    void aRevocationByThisNodeAppliesToTheNextRequest() {
        rights.grant(AccessGrant.whole(CLIENT, SERVICE));
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "/persons/1")).isTrue();
        rights.revoke(AccessGrant.whole(CLIENT, SERVICE));
        assertThat(rights.allows(CLIENT, SERVICE, "GET", "/persons/1")).isFalse();
    }

    @Test
    void aChangeByAnotherNodeOnTheSameDatabaseAppliesWithinASecond() {
        var jdbc = database();
        var clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        var here = new JdbcAccessRights(jdbc, clock);
        var elsewhere = new JdbcAccessRights(jdbc, clock);
        elsewhere.grant(AccessGrant.whole(CLIENT, SERVICE));
        assertThat(here.allows(CLIENT, SERVICE, "GET", "")).isTrue();

        elsewhere.revoke(AccessGrant.whole(CLIENT, SERVICE));
        clock.advance(Duration.ofMillis(999));
        assertThat(here.allows(CLIENT, SERVICE, "GET", "")).isTrue(); // remembered, not read again
        clock.advance(Duration.ofMillis(1));
        assertThat(here.allows(CLIENT, SERVICE, "GET", "")).isFalse();
    }
}
