package tw.smartgov.troad.securityserver.peers;

import java.net.URI;
import java.util.Locale;

/** Compares the address of a server entry ({@code https://host:port}) with a connection's peer. */
final class Addresses {
    private Addresses() {}

    static boolean matches(String address, String host, int port) {
        try {
            URI uri = URI.create(address);
            int expectedPort = uri.getPort() < 0 ? 443 : uri.getPort();
            return uri.getHost() != null
                    && uri.getHost().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))
                    && expectedPort == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
