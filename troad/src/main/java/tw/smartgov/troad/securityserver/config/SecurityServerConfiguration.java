package tw.smartgov.troad.securityserver.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The security server's local configuration as beans, for its start path and its management API:
 * access rights in {@code troad.ss_access_right}, provided services in {@code
 * troad.ss_provided_service}. A bean of the same type defined elsewhere takes precedence.
 */
@Configuration(proxyBeanMethods = false)
@Profile({"security-server", "dev"})
class SecurityServerConfiguration {

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
}
