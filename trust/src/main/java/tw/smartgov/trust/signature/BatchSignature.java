package tw.smartgov.trust.signature;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * The signature of one message signed in a batch: the batch's signed root (a compact JWS whose
 * payload names the Merkle root and batch size) and the message's audit path to that root.
 *
 * <p>{@link #encoded()} is a single header-safe line: {@code rootJws~index~size~hash1.hash2...}
 * with base64url hashes.
 */
public record BatchSignature(String rootJws, long index, long size, List<byte[]> path) {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public BatchSignature {
        path = List.copyOf(path);
    }

    public String encoded() {
        StringBuilder out = new StringBuilder(rootJws.length() + 64 + path.size() * 44);
        out.append(rootJws).append('~').append(index).append('~').append(size).append('~');
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(B64.encodeToString(path.get(i)));
        }
        return out.toString();
    }

    /**
     * Parses {@link #encoded()}, and only what it gives (canonical base64url, decimal numbers without
     * sign or leading zeros), so that a batch signature has one encoding; anything else is {@link
     * TrustError#MALFORMED_SIGNATURE}.
     */
    public static BatchSignature parse(String encoded) {
        String[] parts = encoded.split("~", -1);
        if (parts.length != 4) {
            throw malformed("expected 4 '~'-separated parts, found " + parts.length);
        }
        List<byte[]> path = new ArrayList<>();
        if (!parts[3].isEmpty()) {
            for (String hash : parts[3].split("\\.", -1)) {
                path.add(Base64Url.decode(hash, "a hash of the batch signature's path"));
            }
        }
        return new BatchSignature(parts[0], number(parts[1]), number(parts[2]), path);
    }

    private static long number(String decimal) {
        try {
            long number = Long.parseLong(decimal);
            if (number >= 0 && Long.toString(number).equals(decimal)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw malformed("index or size is not a decimal number without sign or leading zeros: " + decimal);
    }

    private static TrustException malformed(String why) {
        return new TrustException(TrustError.MALFORMED_SIGNATURE, "batch signature: " + why);
    }
}
