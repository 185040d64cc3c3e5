package tw.smartgov.troad.securityserver.peers;

import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.ConnectionPool;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.MultiplexConnectionPool;

/**
 * The connections to one peer security server: HTTP/2 connections carry many exchanges each, an
 * HTTP/1.1 connection (a peer of an earlier release) one at a time.
 *
 * <p>When no connection is usable (the first exchange, or the only connection reached its maximum
 * age), Jetty opens as many connections as it expects to need: queued exchanges divided by the
 * exchanges one connection will carry. Assuming one, as Jetty must before it knows the protocol,
 * a burst of 64 exchanges opened 64 TLS connections to an HTTP/2 peer, each a full handshake;
 * on two cores that held exchanges for up to two seconds. This pool assumes what the peer's last
 * new connection spoke, and HTTP/2 until it knows: a burst opens one connection to an HTTP/2
 * peer, and an HTTP/1.1 peer gets more as soon as its first connection says it carries one.
 */
public final class PeerConnectionPool extends MultiplexConnectionPool {
    private final int maxStreams;

    /**
     * @param maxStreams the exchanges assumed per connection until a connection tells its own
     *     limit: the HTTP/2 stream limit this release's provider port announces
     */
    public PeerConnectionPool(Destination destination, int maxConnections, int maxStreams) {
        // 1: what an HTTP/1.1 connection, which tells no limit, carries
        super(destination, maxConnections, 1);
        this.maxStreams = maxStreams;
        setInitialMaxMultiplex(maxStreams);
    }

    @Override
    protected void onCreated(Connection connection) {
        setInitialMaxMultiplex(
                connection instanceof ConnectionPool.MaxMultiplexable multiplexed
                        ? Math.clamp(multiplexed.getMaxMultiplex(), 1, maxStreams)
                        : 1);
        super.onCreated(connection);
    }
}
