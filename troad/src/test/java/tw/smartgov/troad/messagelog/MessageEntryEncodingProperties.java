package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.signature.CanonicalJson;

/** The direct canonical writer gives exactly the bytes of serialize-then-canonicalize (RFC 8785). */
class MessageEntryEncodingProperties {

    @Property(tries = 300)
    void writingDirectlyGivesTheCanonicalBytes(
            @ForAll String xRoadId,
            @ForAll String path,
            @ForAll @Nullable String headerPart,
            @ForAll @Nullable String body,
            @ForAll @IntRange(min = 100, max = 599) int status,
            // sizes are byte counts, far below 2^53, where JSON numbers stop being exact
            @ForAll @LongRange(min = 0, max = 1L << 53) long size) {
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
