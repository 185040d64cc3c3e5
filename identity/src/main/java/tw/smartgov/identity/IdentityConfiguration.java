package tw.smartgov.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tw.smartgov.trust.ModuleSchema;

/** Spring wiring of the identity module: its schema and settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {

    @Bean
    ModuleSchema identitySchema() {
        return new ModuleSchema("identity");
    }
}
