package tw.smartgov.troad.messagelog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link MessageEntry} straight into its RFC 8785 canonical JSON: members in the order of
 * their names' UTF-16 code units, no white space, strings with only the escapes the RFC allows,
 * integers in plain decimal. The general route (serialize, parse, canonicalize) cost a fifth of a
 * security server's CPU; this one writes each byte once. MessageEntryEncodingProperties checks
 * that both give the same bytes.
 */
final class CanonicalEntryWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    // Names, punctuation and numbers of an entry take about this much besides its strings.
    private static final int FRAME = 400;

    private final StringBuilder out;

    private CanonicalEntryWriter(int capacity) {
        out = new StringBuilder(capacity);
    }

    static byte[] write(MessageEntry e) {
        var w = new CanonicalEntryWriter(FRAME + length(e));
        // keys sorted: client content method path request requestId response service side status type xRoadId
        w.open()
                .key("client")
                .string(e.client())
                .key("content")
                .string(e.content())
                .key("method")
                .string(e.method())
                .key("path")
                .string(e.path())
                .key("request")
                .part(e.request())
                .key("requestId")
                .string(e.requestId())
                .key("response")
                .part(e.response())
                .key("service")
                .string(e.service())
                .key("side")
                .string(e.side())
                .key("status")
                .number(e.status())
                .key("type")
                .string(e.type())
                .key("xRoadId")
                .string(e.xRoadId())
                .close();
        return w.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int length(MessageEntry e) {
        return length(e.client(), e.content(), e.method(), e.path(), e.requestId(), e.service(), e.xRoadId())
                + length(e.request())
                + length(e.response());
    }

    private static int length(MessageEntry.Part p) {
        return length(p.at(), p.body(), p.bodyDigest(), p.digest(), p.headerPart(), p.signature());
    }

    private static int length(@Nullable String... values) {
        int sum = 0;
        for (String value : values) {
            sum += value == null ? 4 : value.length();
        }
        return sum;
    }

    private CanonicalEntryWriter part(MessageEntry.Part p) {
        // keys sorted: at body bodyDigest digest headerPart signature size
        return open().key("at")
                .string(p.at())
                .key("body")
                .string(p.body())
                .key("bodyDigest")
                .string(p.bodyDigest())
                .key("digest")
                .string(p.digest())
                .key("headerPart")
                .string(p.headerPart())
                .key("signature")
                .string(p.signature())
                .key("size")
                .number(p.size())
                .close();
    }

    private CanonicalEntryWriter open() {
        out.append('{');
        return this;
    }

    private CanonicalEntryWriter close() {
        out.append('}');
        return this;
    }

    private CanonicalEntryWriter key(String name) {
        char last = out.charAt(out.length() - 1);
        if (last != '{') {
            out.append(',');
        }
        out.append('"').append(name).append("\":");
        return this;
    }

    /**
     * Whether {@code value} has a character below U+0020, a quote or a backslash. Most values are
     * long base64 signatures, so eight characters are tested at a time. Every such character is
     * Latin-1, so the Latin-1 bytes tell (others become '?', which never needs an escape).
     */
    static boolean needsEscapes(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            if (hasByteBelowSpace(word) || hasByte(word, '"') || hasByte(word, '\\')) {
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    // Bit tricks from "Bit Twiddling Hacks" (determine if a word has a byte less than n / equal to
    // n): exact, not heuristic, for n <= 128.
    private static boolean hasByteBelowSpace(long word) {
        return ((word - ONES * 0x20) & ~word & HIGH_BITS) != 0;
    }

    private static boolean hasByte(long word, char c) {
        long x = word ^ (ONES * c);
        return ((x - ONES) & ~x & HIGH_BITS) != 0;
    }

    private CanonicalEntryWriter number(long value) {
        out.append(value);
        return this;
    }

    private CanonicalEntryWriter string(@Nullable String value) {
        if (value == null) {
            out.append("null");
            return this;
        }
        out.append('"');
        if (!needsEscapes(value)) {
            out.append(value).append('"'); // the usual case: base64, identifiers, signatures
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }
}
