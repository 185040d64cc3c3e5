package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.TRoadNetwork;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.log.TransparencyLogs;
import tw.smartgov.trust.testing.TestDatabase;

/** Exchanges through two real security servers whose message logs are transparency logs. */
class MessageLogExchangeTest extends MessageLogIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void restoreTheClientLog() {
        exchange().clientLog.reset();
    }

    static String newXRoadId() {
        return "xid-" + UUID.randomUUID();
    }

    String exportJson(String log, String xRoadId) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/troad/message-log/" + log
                                + "/evidence?xRoadId=" + xRoadId))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    static MessageEntry entryOf(MessageEvidence evidence, int record) {
        return MessageEntry.decode(java.util.Base64.getDecoder()
                .decode(evidence.records().get(record).entry()));
    }

    @Test
    void bothSidesLogTheExchangeDurablyAndItsExportedEvidenceVerifiesOffline() throws Exception {
        String xRoadId = newXRoadId();
        var response = exchange().call(TRoadNetwork.APP, xRoadId, "王小明 asks");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()) // the backend's size and digest of what it got
                .startsWith("王小明 asks".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " ");

        for (TransparencyMessageLog side : List.of(aLog(), bLog())) {
            // durable in the journal when the response came; in the database once stored
            messageLogs.awaitStored(side.logName());
            assertThat(messageLogs.index().leaves(side.logName(), xRoadId)).hasSize(1);
            var result = verifier().verify(exportJson(side.logName(), xRoadId));
            assertThat(result.records()).isEqualTo(1);
            assertThat(result.xRoadId()).isEqualTo(xRoadId);
            assertThat(result.checks())
                    .anyMatch(c -> c.contains("is in the tree of size"))
                    .anyMatch(c -> c.contains("time-stamp by"))
                    .anyMatch(c -> c.contains("request body (") && c.contains("matches its digest"))
                    .anyMatch(c -> c.contains("response signature verifies"))
                    .anyMatch(c -> c.contains("the response answers this request"));
        }
        var clientEntry = entryOf(MessageEvidence.fromJson(exportJson(aLog().logName(), xRoadId)), 0);
        assertThat(clientEntry.side()).isEqualTo("CLIENT");
        assertThat(clientEntry.content()).isEqualTo(MessageEntry.FULL);
        assertThat(clientEntry.client()).isEqualTo(TRoadNetwork.APP.encoded());
    }

    @Test
    void aMetadataOnlySubsystemIsLoggedWithoutBodiesYetItsDigestsAndSignaturesVerify() throws Exception {
        String xRoadId = newXRoadId();
        assertThat(exchange().call(TRoadNetwork.QUIET, xRoadId, "secret").statusCode())
                .isEqualTo(200);

        String json = exportJson(bLog().logName(), xRoadId);
        var entry = entryOf(MessageEvidence.fromJson(json), 0);
        assertThat(entry.content()).isEqualTo(MessageEntry.METADATA_ONLY);
        assertThat(entry.request().body()).isNull();
        assertThat(entry.response().body()).isNull();
        assertThat(entry.request().headerPart()).isNotNull();
        assertThat(json).doesNotContain(java.util.Base64.getEncoder().encodeToString("secret".getBytes()));
        assertThat(verifier().verify(json).checks())
                .anyMatch(c -> c.contains("request body not logged"))
                .anyMatch(c -> c.contains("request signature verifies"));
    }

    @Test
    void aBodyTooLargeToKeepIsLoggedWithItsDigestOnly() throws Exception {
        String xRoadId = newXRoadId();
        assertThat(exchange()
                        .call(TRoadNetwork.APP, xRoadId, "x".repeat(100 * 1024))
                        .statusCode())
                .isEqualTo(200);

        String json = exportJson(aLog().logName(), xRoadId);
        var entry = entryOf(MessageEvidence.fromJson(json), 0);
        assertThat(entry.request().body()).isNull();
        assertThat(entry.request().size()).isEqualTo(100 * 1024);
        assertThat(entry.response().body()).isNotNull();
        assertThat(verifier().verify(json).records()).isEqualTo(1);
    }

    @Test
    void anEntryOverTheLogLimitIsStillLoggedWithoutBodiesAndMarked() throws Exception {
        var small = messageLogs.create(aLog().logName(), Duration.ofHours(1), Duration.ZERO, 15_000);
        exchange().clientLog.use(small);
        String xRoadId = newXRoadId();
        assertThat(exchange()
                        .call(TRoadNetwork.APP, xRoadId, "y".repeat(20_000))
                        .statusCode())
                .isEqualTo(200);

        String json = exportJson(aLog().logName(), xRoadId);
        var entry = entryOf(MessageEvidence.fromJson(json), 0);
        assertThat(entry.content()).isEqualTo(MessageEntry.BODY_DROPPED);
        assertThat(entry.request().body()).isNull();
        assertThat(verifier().verify(json).records()).isEqualTo(1);
    }

    @Test
    void whenTheLogsDatabaseIsGoneTheClientGetsMessageLogUnavailableAndNoData() throws Exception {
        exchange().clientLog.use(logOnAClosedDatabase());
        String xRoadId = newXRoadId();

        var response = exchange().call(TRoadNetwork.APP, xRoadId, "hello?");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR))
                .hasValue("Server.ServerProxy.MessageLogUnavailable");
        assertThat(response.body()).doesNotContainPattern("^\\d+ [0-9a-f]{64}$"); // no backend answer
        assertThat(messageLogs.index().leaves(aLog().logName(), xRoadId)).isEmpty();
    }

    @Test
    void exportAnswersNotFoundForAnUnknownXRoadIdAndBadRequestWithoutOne() throws Exception {
        String base = "http://127.0.0.1:" + port + "/admin/troad/message-log/" + aLog().logName();
        assertThat(status(base + "/evidence?xRoadId=nobody")).isEqualTo(404);
        assertThat(status(base + "/evidence")).isEqualTo(400);
        assertThat(status("http://127.0.0.1:" + port + "/admin/troad/message-log/audit/evidence?leaf=0"))
                .isEqualTo(404);
    }

    private int status(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private TransparencyMessageLog logOnAClosedDatabase() throws Exception {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestDatabase.url());
        dataSource.setUsername(TestDatabase.user());
        var migrations = new SchemaMigrations(dataSource, List.of(new ModuleSchema("trust")));
        var broken = new TransparencyLogs(
                dataSource,
                migrations,
                new TrustProperties(Path.of(ARCHIVE_DIR), "unused", null, Duration.ofHours(1), 100));
        dataSource.close();
        String name = aLog().logName();
        return new TransparencyMessageLog(
                broken,
                new EntryEncoder(Set.of(), TransparencyLogs.MAX_ENTRY_BYTES),
                new TimestampGuard(
                        name, log -> java.util.Optional.empty(), Duration.ofHours(1), Duration.ZERO, Clock.systemUTC()),
                new SignerCertificateStore(
                        new org.springframework.jdbc.core.JdbcTemplate(dataSource), Clock.systemUTC()),
                Clock.systemUTC());
    }

    @Test
    void evidenceOfAnUnknownRecordIsRefused() {
        assertThatThrownBy(() -> exporter.forLeaf(aLog().logName(), 1_000_000)).isInstanceOf(TrustException.class);
    }
}
