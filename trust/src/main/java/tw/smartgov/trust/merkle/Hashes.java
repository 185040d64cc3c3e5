package tw.smartgov.trust.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** Helpers for lists of hashes, which records cannot compare or copy by content on their own. */
public final class Hashes {
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {}

    /** A deep, unmodifiable copy, so a proof cannot change after it was built or verified. */
    public static List<byte[]> copyOf(List<byte[]> hashes) {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            copy.add(hash.clone());
        }
        return Collections.unmodifiableList(copy);
    }

    public static boolean equal(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    public static int hashCode(List<byte[]> hashes) {
        int result = 1;
        for (byte[] hash : hashes) {
            result = 31 * result + Arrays.hashCode(hash);
        }
        return result;
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static String hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList().toString();
    }

    public static void requireHash(byte[] hash, String what) {
        if (hash.length != MerkleHash.LENGTH) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF, what + " must be " + MerkleHash.LENGTH + " bytes, not " + hash.length);
        }
    }

    public static void requireHashes(List<byte[]> hashes) {
        for (byte[] hash : hashes) {
            requireHash(hash, "every proof hash");
        }
    }
}
