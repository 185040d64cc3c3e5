package tw.smartgov.troad.identifier;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Validates, encodes and splits the parts of an identifier. A part is 1 to 255 characters of any
 * language, without control characters, surrounding white space, or the characters X-Road reserves
 * ({@code / \ ; : %}). On the wire each part is percent-encoded on its own (RFC 3986), so a part
 * may hold Chinese characters or spaces.
 */
final class IdentifierParts {
    static final int MAX_LENGTH = 255;
    private static final String RESERVED = "/\\;:%";

    private IdentifierParts() {}

    static String check(String part, String what) {
        if (part == null || part.isEmpty()) {
            throw new InvalidIdentifierException(what + " is empty");
        }
        if (part.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        if (!part.strip().equals(part)) {
            throw new InvalidIdentifierException(what + " '" + part + "' starts or ends with white space");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (Character.isISOControl(c) || RESERVED.indexOf(c) >= 0) {
                throw new InvalidIdentifierException(
                        what + " '" + printable(part) + "' contains a character that is not allowed ("
                                + (Character.isISOControl(c) ? "a control character" : "'" + c + "'") + ")");
            }
        }
        return part;
    }

    static String encode(String part) {
        // most parts (GOV, MOI, household) are left as they are: skip the encoder's buffers
        for (int i = 0; i < part.length(); i++) {
            if (!unchangedByEncoding(part.charAt(i))) {
                return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return part;
    }

    /** The characters {@link URLEncoder} leaves as they are. */
    private static boolean unchangedByEncoding(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '*';
    }

    /** Splits an encoded identifier into its decoded parts; the count must be within [min, max]. */
    static List<String> split(String encoded, int min, int max, String what) {
        if (encoded == null || encoded.isBlank()) {
            throw new InvalidIdentifierException(what + " is missing");
        }
        String[] raw = encoded.split("/", -1);
        if (raw.length < min || raw.length > max) {
            throw new InvalidIdentifierException(what + " '" + printable(encoded) + "' must have "
                    + (min == max ? min : min + " to " + max) + " parts separated by '/', has " + raw.length);
        }
        return java.util.Arrays.stream(raw).map(IdentifierParts::decode).toList();
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentifierException("'" + printable(part) + "' is not correctly percent-encoded");
        }
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(100).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
