package tw.smartgov.trust.log;

import java.util.ArrayList;
import java.util.List;
import tw.smartgov.trust.merkle.MerkleHash;

/** Ways to spoil a proof path, each of which verification must refuse. */
final class Tampering {
    private Tampering() {}

    static List<byte[]> flipBit(List<byte[]> path, int hash, int bit) {
        List<byte[]> copy = new ArrayList<>(path);
        byte[] flipped = copy.get(hash).clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        copy.set(hash, flipped);
        return copy;
    }

    static List<byte[]> truncated(List<byte[]> path) {
        return path.subList(0, path.size() - 1);
    }

    static List<byte[]> extended(List<byte[]> path, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.add(extra);
        return copy;
    }

    static List<byte[]> prepended(List<byte[]> path, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.addFirst(extra);
        return copy;
    }

    static List<byte[]> shortenedHash(List<byte[]> path, int hash) {
        List<byte[]> copy = new ArrayList<>(path);
        copy.set(hash, java.util.Arrays.copyOf(copy.get(hash), MerkleHash.LENGTH - 1));
        return copy;
    }
}
