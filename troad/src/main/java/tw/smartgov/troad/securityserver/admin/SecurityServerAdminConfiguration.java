package tw.smartgov.troad.securityserver.admin;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The security server's health indicator; its sources are beans of the runtime wiring.
 */
@Configuration(proxyBeanMethods = false)
@Profile({SecurityServerAdminConfiguration.PROFILE, "dev"})
public class SecurityServerAdminConfiguration {
    /** The profile of the security-server role. */
    public static final String PROFILE = "security-server";

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
