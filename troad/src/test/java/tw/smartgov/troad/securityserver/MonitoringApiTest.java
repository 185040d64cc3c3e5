package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.trust.log.TransparencyLogs;

class MonitoringApiTest extends SecurityServerAdminTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TransparencyLogs logs;

    private JsonNode providerEntry(String client) {
        var body = JSON.readTree(
                get("/admin/troad/security-server/monitoring?side=provider").body());
        for (JsonNode entry : body.get("exchanges")) {
            if (entry.get("service").asString().equals("TW/GOV/B/registry/person")
                    && entry.get("client").asString().equals(client)) {
                return entry;
            }
        }
        return JSON.readTree("{\"count\":0,\"errors\":0}");
    }

    private void call(String client) {
        t.send(t.request(t.a, "/r1/TW/GOV/B/registry/person/persons/1")
                .header(XRoadHeaders.CLIENT, client)
                .GET()
                .build());
    }

    @Test
    void monitoringCountsCallsAndErrorsPerServiceAndClientWithLatencyAndSizes() {
        long appBefore = providerEntry("TW/GOV/A/app").get("count").asLong();
        long deniedBefore = providerEntry("TW/GOV/A/other").get("errors").asLong();

        call("TW/GOV/A/app");
        call("TW/GOV/A/app");
        call("TW/GOV/A/other"); // no access right: an error on the provider side

        JsonNode app = providerEntry("TW/GOV/A/app");
        assertThat(app.get("count").asLong()).isEqualTo(appBefore + 2);
        assertThat(app.get("side").asString()).isEqualTo("provider");
        assertThat(app.get("p50Millis").asDouble()).isPositive();
        assertThat(app.get("p99Millis").asDouble())
                .isGreaterThanOrEqualTo(app.get("p50Millis").asDouble());
        assertThat(app.get("meanResponseBytes").asDouble()).isPositive();
        assertThat(providerEntry("TW/GOV/A/other").get("errors").asLong()).isEqualTo(deniedBefore + 1);
    }

    @Test
    void monitoringShowsTheGroupCommitsOfEachLogThisNodeWrites() {
        String log = "msglog-monitoring-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            logs.appendAndWait(log, ("record " + i).getBytes(StandardCharsets.UTF_8));
        }

        JsonNode entry = null;
        for (JsonNode candidate : JSON.readTree(
                        get("/admin/troad/security-server/monitoring").body())
                .get("logs")) {
            if (candidate.get("log").asString().equals(log)) {
                entry = candidate;
            }
        }
        assertThat(entry).as("the log's entry").isNotNull();
        assertThat(entry.get("records").asLong()).isEqualTo(5);
        assertThat(entry.get("commits").asLong()).isEqualTo(5); // each append waited for its commit
        assertThat(entry.get("meanRecordsPerCommit").asDouble()).isEqualTo(1.0);
        assertThat(entry.get("meanCommitMillis").asDouble()).isPositive();
        assertThat(entry.get("p50CommitMillis").asDouble()).isPositive();
        assertThat(entry.get("p99CommitMillis").asDouble())
                .isGreaterThanOrEqualTo(entry.get("p50CommitMillis").asDouble());
        assertThat(entry.get("queued").asLong()).isZero();
        assertThat(entry.get("failedRecords").asLong()).isZero();
    }
}
