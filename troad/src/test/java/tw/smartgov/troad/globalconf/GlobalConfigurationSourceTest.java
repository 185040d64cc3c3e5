package tw.smartgov.troad.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.globalconf.GlobalConfigurationSource.State;
import tw.smartgov.trust.testing.MutableClock;

class GlobalConfigurationSourceTest {
    static final SignedConfigurations CENTRAL = new SignedConfigurations();
    final Instant start = Instant.now();
    final MutableClock clock = new MutableClock(start);
    final AtomicReference<String> published = new AtomicReference<>("");
    HttpServer server;
    GlobalConfigurationSource source;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/troad/globalconf", exchange -> {
            byte[] body = published.get().getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "application/jose");
            exchange.sendResponseHeaders(body.length == 0 ? 503 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/troad/globalconf");
        source = new GlobalConfigurationSource(
                CENTRAL.anchor, url, Duration.ofMillis(50), Duration.ofMinutes(30), clock);
    }

    @AfterEach
    void stop() {
        source.close();
        server.stop(0);
    }

    @Test
    void pollingAppliesANewVersionLiveAndTellsTheListeners() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        source.addListener(c -> seen.add(c.version()));
        published.set(CENTRAL.sign(SignedConfigurations.configuration(1, start, Duration.ofMinutes(10))));
        source.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.current().isPresent());

        published.set(CENTRAL.sign(SignedConfigurations.configuration(2, start, Duration.ofMinutes(10))));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);

        assertThat(seen).containsExactly(1L, 2L);
        assertThat(source.state()).isEqualTo(State.VALID);
    }

    @Test
    void aFailedOrForgedPollKeepsTheLastGoodDocument() {
        published.set(CENTRAL.sign(SignedConfigurations.configuration(4, start, Duration.ofMinutes(10))));
        assertThat(source.poll()).isTrue();

        published.set(CENTRAL.sign(SignedConfigurations.configuration(3, start, Duration.ofDays(1))));
        assertThatThrownBy(source::poll).isInstanceOf(GlobalConfigurationException.class);
        published.set("");
        assertThatThrownBy(source::poll)
                .isInstanceOfSatisfying(
                        GlobalConfigurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(GlobalConfigurationException.Reason.UNAVAILABLE));

        assertThat(source.current().orElseThrow().version()).isEqualTo(4);
    }

    @Test
    void anExpiredConfigurationIsUsedDuringTheGracePeriodThenRefused() {
        assertThat(source.state()).isEqualTo(State.REFUSED);
        source.apply(CENTRAL.sign(SignedConfigurations.configuration(1, start, Duration.ofMinutes(10))));
        assertThat(source.state()).isEqualTo(State.VALID);

        clock.advance(Duration.ofMinutes(11));
        assertThat(source.state()).isEqualTo(State.EXPIRED_IN_GRACE);

        clock.advance(Duration.ofMinutes(30));
        assertThat(source.state()).isEqualTo(State.REFUSED);
    }
}
