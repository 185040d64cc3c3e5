package tw.smartgov.troad;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the T-Road module, under {@code smartgov.troad}.
 *
 * @param instance the T-Road instance identifier, e.g. {@code TW}
 * @param globalConfigurationValidity how long a published global configuration stays valid
 * @param globalConfigurationGrace how long security servers keep exchanging after it expired
 */
@ConfigurationProperties("smartgov.troad")
public record TroadProperties(
        @DefaultValue("TW") String instance,
        @DefaultValue("10m") Duration globalConfigurationValidity,
        @DefaultValue("1h") Duration globalConfigurationGrace) {}
