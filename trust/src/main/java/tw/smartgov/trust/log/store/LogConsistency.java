package tw.smartgov.trust.log.store;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.merkle.Frontier;
import tw.smartgov.trust.merkle.SubtreeKey;

/** Whether a log's frontier agrees with the perfect subtrees stored for it. */
public final class LogConsistency {

    private LogConsistency() {}

    public static void check(String log, Frontier frontier, Map<SubtreeKey, byte[]> stored) {
        List<SubtreeKey> keys = frontier.keys();
        List<byte[]> hashes = frontier.hashes();
        for (int i = 0; i < keys.size(); i++) {
            if (!Arrays.equals(hashes.get(i), stored.get(keys.get(i)))) {
                throw new TrustException(
                        TrustError.LOG_INCONSISTENT,
                        "log " + log + " at size " + frontier.size() + " disagrees with its stored subtree "
                                + keys.get(i));
            }
        }
    }
}
