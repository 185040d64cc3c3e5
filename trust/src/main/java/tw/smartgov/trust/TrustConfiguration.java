package tw.smartgov.trust;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Spring wiring of the trust module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustProperties.class)
@EnableScheduling
public class TrustConfiguration {

    @Bean
    ModuleSchema trustSchema() {
        return new ModuleSchema("trust");
    }
}
