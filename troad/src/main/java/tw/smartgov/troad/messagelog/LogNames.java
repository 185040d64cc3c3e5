package tw.smartgov.troad.messagelog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import tw.smartgov.troad.identifier.MemberId;

/** Names of the message logs: {@code msglog-<instance>-<class>-<member>-<server code>}, sanitised. */
final class LogNames {
    static final String PREFIX = "msglog-";
    private static final int MAX = 41; // the transparency log name pattern [a-z][a-z0-9-]{1,40}

    private LogNames() {}

    static String forServer(MemberId owner, String serverCode) {
        String raw = owner.encoded() + "-" + serverCode;
        String name = PREFIX + raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        name = name.replaceAll("-+$", "");
        if (name.length() <= MAX
                && name.equals(PREFIX + raw.toLowerCase(Locale.ROOT).replace('/', '-'))) {
            return name;
        }
        // shortened or changed by sanitising: a hash of the exact id keeps distinct servers apart
        String hash = sha256Hex(raw).substring(0, 8);
        return name.substring(0, Math.min(name.length(), MAX - hash.length() - 1)) + "-" + hash;
    }

    static boolean isMessageLog(String log) {
        return log.startsWith(PREFIX);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
