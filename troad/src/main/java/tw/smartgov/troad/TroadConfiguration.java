package tw.smartgov.troad;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tw.smartgov.trust.ModuleSchema;

/** Spring wiring of the T-Road module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TroadProperties.class)
public class TroadConfiguration {

    @Bean
    ModuleSchema troadSchema() {
        return new ModuleSchema("troad");
    }
}
