package tw.smartgov.troad.messagelog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of the message log: its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageLogProperties.class)
class MessageLogConfiguration {}
