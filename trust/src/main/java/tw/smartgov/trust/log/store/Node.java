package tw.smartgov.trust.log.store;

import tw.smartgov.trust.merkle.SubtreeKey;

/** A perfect subtree an append completed, waiting to be inserted. */
public record Node(SubtreeKey key, byte[] hash) {}
