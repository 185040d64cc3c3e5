package tw.smartgov.trust.log.journal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.log.store.RowValues;

/** One append as journaled: its index, when it was appended, its entry and its rows. */
public record JournalRecord(
        long index,
        Instant appendedAt,
        byte[] data,
        @Nullable RowValues rows) {

    /** About how many bytes the record takes in the journal, and in memory until it is stored. */
    int encodedSize() {
        return RecordFormat.HEADER_BYTES + 64 + data.length + (rows == null ? 0 : rows.estimatedBytes());
    }
}
