package tw.smartgov.troad.securityserver.exchange;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.jetty.client.HttpClient;
import tw.smartgov.troad.messagelog.MessageLog;
import tw.smartgov.troad.securityserver.config.AccessRights;
import tw.smartgov.troad.securityserver.config.ProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.troad.securityserver.peers.PeerTrust;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * The parts of one security server that both its client side and its provider side use; created
 * and closed with the data path.
 *
 * @param peers the HTTP client to other security servers' provider ports (mutual TLS)
 * @param backends the HTTP client to the services' backends
 */
public record Gateway(
        SecurityServerSettings settings,
        Clock clock,
        ConfigurationGuard configuration,
        PeerTrust trust,
        SigningIdentity tlsIdentity,
        MessageSigning signing,
        ProvidedServices services,
        AccessRights accessRights,
        MessageLog messageLog,
        MeterRegistry meters,
        HttpClient peers,
        HttpClient backends,
        Deadlines deadlines) {

    public Instant now() {
        return clock.instant();
    }
}
