package tw.smartgov.troad.node;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import tw.smartgov.troad.TroadProperties;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.securityserver.ManagedAccessRights;
import tw.smartgov.troad.securityserver.ManagedProvidedServices;
import tw.smartgov.troad.securityserver.admin.CurrentGlobalConfiguration;
import tw.smartgov.troad.securityserver.admin.GlobalConfigurationRefresh;
import tw.smartgov.troad.securityserver.admin.SecurityServerCertificates;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.keys.KeyVault;
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
            SecurityServerRoleProperties properties,
            TroadProperties troad,
            @Value("${smartgov.data-dir}") Path dataDir,
            KeyVault vault,
            ManagedProvidedServices services,
            ManagedAccessRights rights,
            NodeMessageLogs logs,
            MeterRegistry meters) {
        var settings = settings(properties, troad, dataDir);
        var node = new SecurityServerNode(settings, vault, services, rights, logs.forNode(settings), meters);
        logs.useCentralPki(node);
        return node;
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

    static NodeSettings settings(SecurityServerRoleProperties p, TroadProperties troad, Path dataDir) {
        if (p.member() == null
                || p.centralUrl() == null
                || p.publicHost() == null
                || p.clients().isEmpty()) {
            throw new IllegalStateException("a security server needs --member, --clients, --public-host and"
                    + " --central-url (smartgov.troad.security-server.*)");
        }
        MemberId member = MemberId.parse(p.member());
        return new NodeSettings(
                member,
                p.code(),
                p.clients().stream().map(SubsystemId::parse).toList(),
                p.bindHost(),
                p.clientPort(),
                p.providerPort(),
                p.publicHost(),
                p.centralUrl(),
                dataDir.resolve("troad"),
                p.anchorFile(),
                p.registrationToken(),
                p.pollInterval(),
                troad.globalConfigurationGrace(),
                p.connectTimeout(),
                p.readTimeout(),
                p.signatureLinger());
    }
}
