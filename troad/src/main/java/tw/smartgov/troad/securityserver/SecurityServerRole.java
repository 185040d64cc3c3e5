package tw.smartgov.troad.securityserver;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import tw.smartgov.troad.TroadProperties;
import tw.smartgov.troad.securityserver.admin.CurrentGlobalConfiguration;
import tw.smartgov.troad.securityserver.admin.GlobalConfigurationRefresh;
import tw.smartgov.troad.securityserver.admin.SecurityServerCertificates;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.timestamp.TimeStamper;

/**
 * The {@code security-server} role: one node for this member, started once the management API is
 * up (so that an operator can already look at it), and failing the start-up with a clear message
 * when it cannot register or fetch the global configuration.
 */
@Configuration(proxyBeanMethods = false)
@Profile("security-server")
@ConditionalOnProperty(prefix = "smartgov.troad.security-server", name = "member")
@EnableConfigurationProperties(SecurityServerRoleProperties.class)
class SecurityServerRole {

    @Bean(destroyMethod = "close")
    SecurityServerNode securityServerNode(
            SecurityServerRoleProperties properties, TroadProperties troad, SecurityServerNodes nodes) {
        return nodes.create(properties.toSettings(troad.globalConfigurationGrace()));
    }

    /**
     * The message log's time-stamps come from the central server's TSA, unless {@code
     * smartgov.trust.tsa-url} names another: its evidence then verifies with the central root.
     */
    @Bean
    @Primary
    TimeStamper securityServerTimeStamper(
            SecurityServerRoleProperties properties,
            TrustProperties trust,
            ObjectProvider<SecurityServerNode> node,
            @Qualifier("timeStamper") TimeStamper configured) {
        if ((trust.tsaUrl() != null && !trust.tsaUrl().isBlank()) || properties.centralUrl() == null) {
            return configured;
        }
        return new CentralTimeStamper(
                properties.centralUrl(), () -> node.getObject().configuration());
    }

    @Bean
    SecurityServerCertificates securityServerCertificates(SecurityServerNode node) {
        return new SecurityServerCertificates() {
            @Override
            public Optional<java.security.cert.X509Certificate> tls() {
                return node.isRegistered() ? Optional.of(node.tlsCertificate()) : Optional.empty();
            }

            @Override
            public Optional<java.security.cert.X509Certificate> signing() {
                return node.isRegistered() ? Optional.of(node.signingCertificate()) : Optional.empty();
            }
        };
    }

    @Bean
    CurrentGlobalConfiguration currentGlobalConfiguration(SecurityServerNode node) {
        return node::configuration;
    }

    @Bean
    GlobalConfigurationRefresh globalConfigurationRefresh(SecurityServerNode node) {
        return node::refreshConfiguration;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(SecurityServerNode.class).start();
    }
}
