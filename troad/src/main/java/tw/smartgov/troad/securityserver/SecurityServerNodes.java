package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.messagelog.MessageLogs;
import tw.smartgov.troad.securityserver.config.ManagedAccessRights;
import tw.smartgov.troad.securityserver.config.ManagedProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.trust.keys.KeyVault;

/**
 * The one way a security server node is made, for the {@code security-server} role and the dev
 * demo alike: its keys in this node's key vault, its state under {@code <data-dir>/troad}, the
 * provided services and access rights of this node's database, and a transparency message log of
 * its own whose heads are signed with the signing certificate the central CA issued it (so its
 * evidence verifies with the central root alone).
 */
@Component
@Profile({"security-server", "dev"})
public class SecurityServerNodes {
    private final KeyVault vault;
    private final ManagedProvidedServices services;
    private final ManagedAccessRights accessRights;
    private final MessageLogs logs;
    private final MeterRegistry meters;
    private final Environment environment;

    SecurityServerNodes(
            KeyVault vault,
            ManagedProvidedServices services,
            ManagedAccessRights accessRights,
            MessageLogs logs,
            MeterRegistry meters,
            Environment environment) {
        this.vault = vault;
        this.services = services;
        this.accessRights = accessRights;
        this.logs = logs;
        this.meters = meters;
        this.environment = environment;
    }

    /** A node with these settings, not started yet ({@link SecurityServerNode#start()}). */
    public SecurityServerNode create(SecurityServerSettings settings) {
        var log = logs.forServer(settings.owner(), settings.code());
        Path stateDir =
                Path.of(environment.getRequiredProperty("smartgov.data-dir")).resolve("troad");
        var node = new SecurityServerNode(settings, stateDir, vault, services, accessRights, log, meters);
        logs.signWith(settings.owner(), settings.code(), node::signingIdentity, node::centralCrls);
        return node;
    }
}
