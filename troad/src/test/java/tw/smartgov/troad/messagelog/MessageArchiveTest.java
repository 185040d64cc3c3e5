package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tw.smartgov.troad.securityserver.TRoadNetwork;
import tw.smartgov.trust.TrustException;

/** Records past the retention go to archive files that chain by hash and verify offline. */
class MessageArchiveTest extends MessageLogIntegrationTest {
    @Autowired
    MessageArchiver archiver;

    private void exchangeOnce() {
        assertThat(exchange()
                        .call(TRoadNetwork.APP, "xid-" + UUID.randomUUID(), "to archive")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void archiveFilesChainByHashAndTheirRecordsVerifyOffline() throws Exception {
        String log = aLog().logName();
        exchangeOnce();
        Path first = archiver.archive(log, Instant.now().plusSeconds(1)).orElseThrow();
        exchangeOnce();
        exchangeOnce();
        Path second = archiver.archive(log, Instant.now().plusSeconds(1)).orElseThrow();
        assertThat(archiver.archive(log, Instant.now().plusSeconds(1))).isEmpty();

        var verifier = new MessageArchiveVerifier(ca.root(), null);
        var result = verifier.verify(List.of(Files.readAllBytes(first), Files.readAllBytes(second)), null);
        assertThat(result.files()).isEqualTo(2);
        assertThat(result.records()).isGreaterThanOrEqualTo(3);
        assertThat(result.checks()).allMatch(c -> c.contains("verify"));
        assertThat(Files.readString(second))
                .contains("\"previousSha256\":\""
                        + verifier.verify(List.of(Files.readAllBytes(first)), null)
                                .lastSha256());

        byte[] altered = Files.readString(first)
                .replaceFirst("\"createdAt\":\"20", "\"createdAt\":\"19")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(List.of(altered, Files.readAllBytes(second)), null))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("archive file 2")
                .hasMessageContaining("the chain is broken");
        assertThatThrownBy(() -> verifier.verify(List.of(Files.readAllBytes(second)), null))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("the chain is broken");
    }

    @Test
    void nothingNewerThanTheRetentionIsArchived() {
        exchangeOnce();
        assertThat(archiver.archive(bLog().logName(), Instant.now().minusSeconds(3600)))
                .isEmpty();
    }
}
