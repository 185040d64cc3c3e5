package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.signature.CanonicalJson;
import tw.smartgov.trust.testing.RandomCases;

/** The direct canonical writer gives exactly the bytes of serialize-then-canonicalize (RFC 8785). */
class MessageEntryEncodingProperties {

    @Test
    void writingDirectlyGivesTheCanonicalBytes() {
        RandomCases.check(
                300,
                random -> writingDirectlyGivesTheCanonicalBytes(
                        random.string(255),
                        random.string(255),
                        random.bool() ? null : random.string(255),
                        random.bool() ? null : random.string(255),
                        random.intBetween(100, 599),
                        // sizes are byte counts, far below 2^53, where JSON numbers stop being exact
                        random.longBetween(0, 1L << 53)));
    }

    private static void writingDirectlyGivesTheCanonicalBytes(
            String xRoadId, String path, @Nullable String headerPart, @Nullable String body, int status, long size) {
        var request = new MessageEntry.Part(
                headerPart, "ZGlnZXN0", "c2lnbmVk", "jws~0~1~", size, body, "2026-12-01T00:00:00Z");
        var response = new MessageEntry.Part(
                body, "Ym9keQ==", "ZA==", "root~3~4~a.b", size / 2, headerPart, "2026-12-01T00:00:01.5Z");
        var entry = new MessageEntry(
                MessageEntry.TYPE,
                "CLIENT",
                xRoadId,
                "req-" + status,
                "TW/GOV/A/app",
                "TW/GOV/B/registry/person",
                "GET",
                path,
                status,
                MessageEntry.FULL,
                request,
                response);

        assertThat(new String(entry.encode(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(encodeGenerally(entry), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(entry.encode()).isEqualTo(encodeGenerally(entry));
    }

    // the general route: any JSON serialization, then RFC 8785 canonicalization
    private static byte[] encodeGenerally(MessageEntry entry) {
        return CanonicalJson.canonicalize(JsonMapper.builder().build().writeValueAsString(entry));
    }
}
