package tw.smartgov.troad.securityserver.admin;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.troad.securityserver.JdbcAccessRights;
import tw.smartgov.troad.securityserver.JdbcProvidedServices;
import tw.smartgov.troad.securityserver.ManagedAccessRights;
import tw.smartgov.troad.securityserver.ManagedProvidedServices;

/**
 * The security server's local configuration as beans, for the runtime wiring (which passes them to
 * {@code SecurityServerSettings}) and the management API: access rights in {@code
 * troad.ss_access_right}, provided services in {@code troad.ss_provided_service}. A bean of the
 * same type defined elsewhere takes precedence.
 */
@Configuration(proxyBeanMethods = false)
@Profile({SecurityServerAdminConfiguration.PROFILE, "dev"})
public class SecurityServerAdminConfiguration {
    /** The profile of the security-server role. */
    public static final String PROFILE = "security-server";

    @Bean
    @ConditionalOnMissingBean
    ManagedAccessRights securityServerAccessRights(JdbcTemplate jdbc) {
        return new JdbcAccessRights(jdbc, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ManagedProvidedServices securityServerProvidedServices(JdbcTemplate jdbc) {
        return new JdbcProvidedServices(jdbc, Clock.systemUTC());
    }

    /** Health {@code troadSecurityServer}; each source is optional, supplied by the runtime wiring. */
    @Bean
    HealthIndicator troadSecurityServer(
            ObjectProvider<SecurityServerCertificates> certificates,
            ObjectProvider<CurrentGlobalConfiguration> configuration,
            ObjectProvider<TimeStampingStatus> timeStamping) {
        return new SecurityServerHealth(
                certificates.getIfAvailable(),
                configuration.getIfAvailable(),
                timeStamping.getIfAvailable(),
                Clock.systemUTC());
    }
}
