package tw.smartgov.trust.log;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.merkle.Hashes;
import tw.smartgov.trust.merkle.MerkleHash;

/**
 * The size of a log and the RFC 9162 root hash of its first {@code size} leaves. The hash is copied
 * in and out, so a tree head never changes.
 */
public record TreeHead(long size, byte[] rootHash) {

    public TreeHead {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + size);
        }
        if (rootHash.length != MerkleHash.LENGTH) {
            throw new IllegalArgumentException("a root hash has " + MerkleHash.LENGTH + " bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TreeHead other && size == other.size && Arrays.equals(rootHash, other.rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(size) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "TreeHead[size=" + size + ", rootHash=" + Hashes.hex(rootHash) + "]";
    }
}
