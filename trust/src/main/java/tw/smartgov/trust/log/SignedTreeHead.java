package tw.smartgov.trust.log;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A tree head the log signed: its size and root hash in a compact JWS (typ {@value #TYPE}) by the
 * log's own certificate, and, once the TSA answered, an RFC 3161 time-stamp token over the JWS.
 */
public record SignedTreeHead(
        String log, long treeSize, byte[] rootHash, Instant signedAt, String jws, byte @Nullable [] timestampToken) {
    public static final String TYPE = "smartgov-sth+jwt";

    public SignedTreeHead {
        rootHash = rootHash.clone();
        timestampToken = timestampToken == null ? null : timestampToken.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte @Nullable [] timestampToken() {
        return timestampToken == null ? null : timestampToken.clone();
    }

    public boolean isTimeStamped() {
        return timestampToken != null;
    }

    /** The JSON the log signs: canonical (RFC 8785) when signed. */
    static String payload(String log, long treeSize, byte[] rootHash, Instant signedAt) {
        return "{\"log\":\"" + log + "\",\"rootHash\":\"" + Base64.getEncoder().encodeToString(rootHash)
                + "\",\"signedAt\":\"" + signedAt + "\",\"treeSize\":" + treeSize + "}";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SignedTreeHead other
                && log.equals(other.log)
                && treeSize == other.treeSize
                && Arrays.equals(rootHash, other.rootHash)
                && jws.equals(other.jws);
    }

    @Override
    public int hashCode() {
        return log.hashCode() * 31 + Long.hashCode(treeSize);
    }

    @Override
    public String toString() {
        return "SignedTreeHead[" + log + " size " + treeSize + (isTimeStamped() ? ", time-stamped]" : "]");
    }
}
