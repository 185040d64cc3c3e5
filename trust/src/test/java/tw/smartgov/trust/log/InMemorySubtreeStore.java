package tw.smartgov.trust.log;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.SubtreeKey;

/** A log held in memory: leaves appended through a {@link Frontier}, which stores what it completes. */
final class InMemorySubtreeStore implements SubtreeStore {
    private final Map<SubtreeKey, byte[]> hashes = new HashMap<>();
    private final Frontier frontier = Frontier.empty();
    private int fetches;

    static InMemorySubtreeStore of(List<byte[]> leafHashes) {
        InMemorySubtreeStore store = new InMemorySubtreeStore();
        leafHashes.forEach(store::append);
        return store;
    }

    void append(byte[] leafHash) {
        hashes.put(new SubtreeKey(0, frontier.size()), leafHash.clone());
        frontier.append(leafHash, hashes::put);
    }

    Frontier frontier() {
        return frontier;
    }

    int fetches() {
        return fetches;
    }

    @Override
    public Map<SubtreeKey, byte[]> fetch(Collection<SubtreeKey> keys) {
        fetches++;
        Map<SubtreeKey, byte[]> found = new HashMap<>();
        for (SubtreeKey key : keys) {
            byte[] hash = hashes.get(key);
            if (hash != null) {
                found.put(key, hash.clone());
            }
        }
        return found;
    }
}
