package tw.smartgov.trust.log;

import java.util.Collection;
import java.util.Map;
import tw.smartgov.trust.merkle.SubtreeKey;

/** Where the hashes of a log's perfect subtrees (level 0 being its leaf hashes) are kept. */
interface SubtreeStore {

    /**
     * The hashes of {@code keys}, in one round trip. A key the store does not hold is absent from
     * the result; the caller decides whether that means the log is inconsistent.
     */
    Map<SubtreeKey, byte[]> fetch(Collection<SubtreeKey> keys);
}
