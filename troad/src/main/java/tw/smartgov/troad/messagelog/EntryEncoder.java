package tw.smartgov.troad.messagelog;

import java.util.Set;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * Turns a record into log entry bytes: without bodies for metadata-only subsystems, and always
 * within {@code maxBytes}: an entry that would be larger first loses its bodies, then its header
 * parts, and says so; the digests and signatures always stay, so it is still evidence.
 */
final class EntryEncoder {
    private final Set<SubsystemId> metadataOnly;
    private final int maxBytes;

    EntryEncoder(Set<SubsystemId> metadataOnly, int maxBytes) {
        this.metadataOnly = Set.copyOf(metadataOnly);
        this.maxBytes = maxBytes;
    }

    byte[] encode(MessageRecord record) {
        boolean quiet = metadataOnly.contains(record.client())
                || metadataOnly.contains(record.service().provider());
        byte[] entry = MessageEntry.of(record, quiet ? MessageEntry.METADATA_ONLY : MessageEntry.FULL)
                .encode();
        if (entry.length <= maxBytes) {
            return entry;
        }
        entry = MessageEntry.of(record, MessageEntry.BODY_DROPPED).encode();
        if (entry.length <= maxBytes) {
            return entry;
        }
        entry = MessageEntry.of(record, MessageEntry.HEADERS_DROPPED).encode();
        if (entry.length > maxBytes) {
            throw new IllegalStateException("a message record without bodies and headers still holds " + entry.length
                    + " bytes, more than a log entry may (" + maxBytes + ")");
        }
        return entry;
    }
}
