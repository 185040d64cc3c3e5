package tw.smartgov.trust.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.TrustIntegrationTest;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.TestPki;

class LogEvidenceTest extends TrustIntegrationTest {
    @Autowired
    TransparencyLogs logs;

    @Autowired
    TreeHeadPublisher publisher;

    @Autowired
    CertificateAuthority ca;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    String newLog(int entries) {
        String name = "log-" + UUID.randomUUID().toString().substring(0, 8);
        append(name, entries);
        return name;
    }

    void append(String log, int entries) {
        long start = logs.names().contains(log) ? logs.treeHead(log).size() : 0;
        for (int i = 0; i < entries; i++) {
            logs.appendAndWait(log, ("entry " + (start + i)).getBytes(StandardCharsets.UTF_8));
        }
    }

    String get(String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    LogEvidenceVerifier verifier() {
        return new LogEvidenceVerifier(ca.root(), null);
    }

    @Test
    void anExportedInclusionProofVerifiesOfflineWithOnlyTheRootCertificate() throws Exception {
        String log = newLog(7);
        SignedTreeHead head = publisher.publish(log);
        assertThat(head.treeSize()).isEqualTo(7);
        assertThat(head.isTimeStamped()).isTrue();

        var evidence = LogEvidence.fromJson(
                get("/trust/logs/" + log + "/proofs/inclusion?index=3"), LogEvidence.Inclusion.class);
        var result = verifier().verify(evidence);

        assertThat(result.treeSize()).isEqualTo(7);
        assertThat(result.timeStampedAt()).isNotNull();
        assertThat(result.checks()).anyMatch(c -> c.contains("entry 3"));
    }

    @Test
    void alteredInclusionEvidenceFailsVerification() throws Exception {
        String log = newLog(5);
        publisher.publish(log);
        var good = LogEvidence.fromJson(
                get("/trust/logs/" + log + "/proofs/inclusion?index=1"), LogEvidence.Inclusion.class);

        var otherEntry = new LogEvidence.Inclusion(
                good.type(),
                good.log(),
                good.leafIndex(),
                good.treeSize(),
                LogEvidence.b64("forged".getBytes(StandardCharsets.UTF_8)),
                good.auditPath(),
                good.treeHead(),
                good.crl());
        refused(() -> verifier().verify(otherEntry), TrustError.PROOF_INVALID);

        String jws = good.treeHead().jws();
        String forgedJws = jws.substring(0, jws.length() - 4) + (jws.endsWith("AAAA") ? "BBBB" : "AAAA");
        var forgedHead = new LogEvidence.Inclusion(
                good.type(),
                good.log(),
                good.leafIndex(),
                good.treeSize(),
                good.entry(),
                good.auditPath(),
                new LogEvidence.TreeHead(forgedJws, good.treeHead().timestampToken()),
                good.crl());
        assertThatThrownBy(() -> verifier().verify(forgedHead)).isInstanceOf(TrustException.class);

        var path = new ArrayList<>(good.auditPath());
        path.set(0, LogEvidence.b64(new byte[32]));
        var forgedPath = new LogEvidence.Inclusion(
                good.type(),
                good.log(),
                good.leafIndex(),
                good.treeSize(),
                good.entry(),
                path,
                good.treeHead(),
                good.crl());
        refused(() -> verifier().verify(forgedPath), TrustError.PROOF_INVALID);

        refused(() -> new LogEvidenceVerifier(TestPki.newCa().root(), null).verify(good), TrustError.TIMESTAMP_INVALID);
    }

    @Test
    void aConsistencyProofBetweenTwoSignedHeadsVerifiesOffline() throws Exception {
        String log = newLog(3);
        publisher.publish(log);
        append(log, 6);
        publisher.publish(log);

        var evidence = LogEvidence.fromJson(
                get("/trust/logs/" + log + "/proofs/consistency?from=3"), LogEvidence.Consistency.class);
        var result = verifier().verify(evidence);
        assertThat(result.treeSize()).isEqualTo(9);

        var swapped = new LogEvidence.Consistency(
                evidence.type(), evidence.log(), evidence.second(), evidence.first(), evidence.proof(), evidence.crl());
        assertThatThrownBy(() -> verifier().verify(swapped)).isInstanceOf(TrustException.class);
    }

    @Test
    void aRewrittenLogIsNeverSignedAgain() {
        String log = newLog(3);
        publisher.publish(log);
        jdbc.update("UPDATE trust.log_leaf SET leaf_hash = ? WHERE log_name = ? AND idx = 2", new byte[32], log);
        append(log, 5);

        refused(() -> publisher.publish(log), TrustError.LOG_INCONSISTENT);
        assertThat(publisher.latest(log).orElseThrow().treeSize()).isEqualTo(3);
    }

    @Test
    void proofsForEntriesNotYetSignedSayWhenTheyWillBe() throws Exception {
        String log = newLog(2);
        publisher.publish(log);
        append(log, 1);
        var response = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/trust/logs/" + log + "/proofs/inclusion?index=2"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("next tree head").doesNotContain("Exception");
    }

    static void refused(ThrowingCallable call, TrustError error) {
        assertThatThrownBy(call)
                .isInstanceOf(TrustException.class)
                .extracting(e -> ((TrustException) e).error())
                .isEqualTo(error);
    }
}
