package tw.smartgov.trust.log.writer;

import tw.smartgov.trust.log.store.RowValues;

/** The rows a caller attached to an entry, made once the entry has its leaf index. */
@FunctionalInterface
public interface Attachment {
    /** The rows of the entry at {@code leafIndex}; throws if the attachment does not fit them. */
    RowValues rowsAt(long leafIndex);
}
