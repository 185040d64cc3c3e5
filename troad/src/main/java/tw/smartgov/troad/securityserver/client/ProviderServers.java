package tw.smartgov.troad.securityserver.client;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.troad.securityserver.exchange.Gateway;
import tw.smartgov.troad.securityserver.exchange.UpstreamCall;
import tw.smartgov.troad.securityserver.exchange.UpstreamResponse;
import tw.smartgov.trust.TrustException;

/**
 * The security servers of the provider's subsystem, tried in the order of the global
 * configuration, moving on only when one cannot be connected to: then nothing was sent, so nothing
 * can be done twice. A failure becomes the typed error that says whose fault it is.
 */
final class ProviderServers {
    private static final Logger log = LoggerFactory.getLogger(ClientExchange.class);

    /** Sends the request, signed with {@code signature}, to one server. */
    @FunctionalInterface
    interface Send {
        UpstreamResponse to(SecurityServerEntry server, String signature) throws Exception;
    }

    private final Gateway gateway;
    private final String xRoadId;
    private final List<SecurityServerEntry> servers;
    private SecurityServerEntry current;

    ProviderServers(Gateway gateway, String xRoadId, List<SecurityServerEntry> servers) {
        this.gateway = gateway;
        this.xRoadId = xRoadId;
        this.servers = List.copyOf(servers);
        this.current = this.servers.getFirst();
    }

    /** The server that answered (or was tried last). */
    SecurityServerEntry current() {
        return current;
    }

    UpstreamResponse call(String signature, Send send) throws Exception {
        for (int i = 0; ; i++) {
            current = servers.get(i);
            try {
                return send.to(current, signature);
            } catch (UpstreamCall.Failed e) {
                if (e.failure() != UpstreamCall.Failure.REFUSED || i == servers.size() - 1) {
                    throw unreachable(e);
                }
                log.info(
                        "X-Road-Id {}: {} cannot be reached, trying {}",
                        xRoadId,
                        current.id(),
                        servers.get(i + 1).id());
            }
        }
    }

    private XRoadException unreachable(UpstreamCall.Failed e) {
        String server = current.id() + " at " + current.address();
        if (e.failure() == UpstreamCall.Failure.OTHER) {
            // In TLS 1.3 a peer refuses this server's certificate after the handshake, with an alert
            // that may reach the client side only as a closed connection: it would look like the
            // network's fault, when this server can tell that its own certificate is to blame.
            try {
                gateway.trust().validateTls(gateway.tlsIdentity().chain());
            } catch (TrustException own) {
                return new XRoadException(
                        XRoadErrorType.SSL_AUTHENTICATION_FAILED,
                        "TLS with " + server + " failed: this security server's own TLS certificate is not valid",
                        own.getMessage(),
                        e);
            }
        }
        return switch (e.failure()) {
            case TLS ->
                new XRoadException(XRoadErrorType.SSL_AUTHENTICATION_FAILED, "TLS with " + server + " failed", null, e);
            case TIMEOUT ->
                new XRoadException(
                        XRoadErrorType.SERVICE_PROVIDER_UNREACHABLE, server + " did not answer in time", null, e);
            default ->
                new XRoadException(XRoadErrorType.SERVICE_PROVIDER_UNREACHABLE, server + " cannot be reached", null, e);
        };
    }
}
