package tw.smartgov.troad.securityserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports on the loopback interface, for nodes started together on one machine (demo, tests). */
public final class LoopbackPorts {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LINUX_EPHEMERAL_LOW = 32_768;
    private static final int SPAN = 12_000;

    private LoopbackPorts() {}

    /**
     * A port that nothing listens on now, below the range that the kernel takes outgoing
     * connections' ports from. A port found by binding to port 0 comes from that range, and an
     * outgoing connection (to the database, between nodes) could take it before the node meant to
     * listen on it binds it: a test failed that way.
     */
    public static int free() {
        int below = ephemeralLow();
        int from = Math.max(1_024, below - SPAN);
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(from, below);
            try (var socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // another port, then
            }
        }
        throw new IllegalStateException("no free loopback port between " + from + " and " + below);
    }

    /** The lowest port of the ephemeral range; Linux's default where it cannot be read. */
    static int ephemeralLow() {
        try {
            int low = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).strip().split("\\s+")[0]);
            return low > 1_024 + SPAN ? low : LINUX_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return LINUX_EPHEMERAL_LOW;
        }
    }
}
