package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeAndCanBeListenedOn() throws Exception {
        for (int i = 0; i < 20; i++) {
            int port = LoopbackPorts.free();

            assertThat(port).isBetween(1_024, LoopbackPorts.ephemeralLow() - 1);
            try (var socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortSomethingListensOnIsNeverGiven() throws Exception {
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), LoopbackPorts.free()));
            for (int i = 0; i < 200; i++) {
                assertThat(LoopbackPorts.free()).isNotEqualTo(taken.getLocalPort());
            }
        }
    }
}
