package tw.smartgov.troad.messagelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tw.smartgov.CentralTestApplication;
import tw.smartgov.troad.securityserver.TRoadNetwork;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.log.TransparencyLogs;
import tw.smartgov.trust.log.TreeHeadPublisher;
import tw.smartgov.trust.testing.TestNodeProperties;

/**
 * Base of the message log's integration tests: trust and T-Road on a random port, on a throwaway
 * PostgreSQL database, with a TSA tests can take down and two real security servers on loopback
 * ({@link TRoadNetwork}) whose message logs are {@link TransparencyMessageLog}s. Tree heads are only
 * published when a test asks, so that each test sees what it did.
 */
@SpringBootTest(classes = CentralTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SwitchableTimeStamper.Wiring.class)
abstract class MessageLogIntegrationTest {
    private static final String DATA_DIR = tempDir("smartgov-msglog-test");
    static final String ARCHIVE_DIR = tempDir("smartgov-msglog-archive");

    @Autowired
    MessageLogs messageLogs;

    @Autowired
    EvidenceExporter exporter;

    @Autowired
    TransparencyLogs logs;

    @Autowired
    TreeHeadPublisher publisher;

    @Autowired
    CertificateAuthority ca;

    @Autowired
    SwitchableTimeStamper tsa;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestNodeProperties.register(registry, DATA_DIR);
        registry.add("smartgov.trust.tree-head-interval", () -> "1h");
        registry.add("smartgov.troad.message-log.metadata-only", () -> TRoadNetwork.QUIET.encoded());
        registry.add("smartgov.troad.message-log.archive-dir", () -> ARCHIVE_DIR);
    }

    private static @Nullable TRoadNetwork network;

    /** The network whose logs are this context's: one per test JVM, like the context. */
    TRoadNetwork exchange() {
        synchronized (MessageLogIntegrationTest.class) {
            if (network == null) {
                network = TRoadNetwork.builder()
                        .ca(ca)
                        .messageLogs(messageLogs)
                        .connectTimeout(Duration.ofSeconds(2))
                        .readTimeout(Duration.ofSeconds(5))
                        .build();
            }
            return network;
        }
    }

    /** Server a's message log. */
    TransparencyMessageLog aLog() {
        return messageLogs.forServer(TRoadNetwork.A, "ss1");
    }

    /** Server b's message log. */
    TransparencyMessageLog bLog() {
        return messageLogs.forServer(TRoadNetwork.B, "ss1");
    }

    MessageEvidenceVerifier verifier() {
        return new MessageEvidenceVerifier(ca.root(), null);
    }

    static String tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
