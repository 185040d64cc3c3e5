package tw.smartgov.trust.log.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.smartgov.trust.log.store.ColumnType;
import tw.smartgov.trust.log.store.RowValues;
import tw.smartgov.trust.log.writer.LogAppender;

/** The journal's file format: what a writer acknowledged is what the next one reads back. */
class LogJournalTest {
    private static final int SEGMENT = 2 * LogAppender.MAX_ENTRY_BYTES;
    private static final Instant AT = Instant.parse("2026-12-02T13:45:01.123456789Z");

    @TempDir
    Path directory;

    @Test
    void recordsWithTheirRowsReadBackAcrossSegmentsInIndexOrder() throws Exception {
        List<JournalRecord> written = new ArrayList<>();
        try (LogJournal journal = LogJournal.open(directory, SEGMENT)) {
            journal.startAt(40);
            for (int batch = 0; batch < 6; batch++) {
                List<JournalRecord> records = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long index = 40 + written.size() + records.size();
                    records.add(record(index, 300_000));
                }
                journal.write(records);
                written.addAll(records);
            }
            // 18 records of 300 KB fill three segments of 2 MB
            assertThat(journal.fullSegments()).isEqualTo(2);
        }
        try (LogJournal reopened = LogJournal.open(directory, SEGMENT)) {
            List<JournalRecord> read = reopened.readAll();
            assertThat(read).hasSize(written.size());
            for (int i = 0; i < read.size(); i++) {
                assertSame(read.get(i), written.get(i));
            }
        }
    }

    @Test
    void aTornLastRecordEndsTheJournalBeforeIt() throws Exception {
        try (LogJournal journal = LogJournal.open(directory, SEGMENT)) {
            journal.startAt(0);
            journal.write(List.of(record(0, 100), record(1, 100)));
            journal.write(List.of(record(2, 100)));
        }
        Path segment = segments().getFirst();
        List<JournalRecord> before = RecordFormat.read(segment);
        assertThat(before).extracting(JournalRecord::index).containsExactly(0L, 1L, 2L);
        try (var file = new RandomAccessFile(segment.toFile(), "rw")) {
            long lastRecordBody = 2L * (16 + bodySize(before.get(0))) + 16 + 20;
            file.seek(lastRecordBody);
            file.write(0x5a); // a write the crash cut short
        }
        assertThat(RecordFormat.read(segment)).extracting(JournalRecord::index).containsExactly(0L, 1L);
    }

    @Test
    void releasedSegmentsAreDeletedOnlyOnceEveryRecordInThemIsStored() throws Exception {
        try (LogJournal journal = LogJournal.open(directory, SEGMENT)) {
            journal.startAt(0);
            for (int i = 0; i < 12; i++) {
                journal.write(List.of(record(i, 600_000)));
            }
            // 3 records of 600 KB per segment: indexes 0-2, 3-5, 6-8 are full, 9-11 current
            assertThat(journal.fullSegments()).isEqualTo(3);
            journal.release(5);
            assertThat(journal.fullSegments()).isEqualTo(2);
            assertThat(segments()).hasSize(3);
            journal.release(9);
            assertThat(journal.fullSegments()).isZero();
            assertThat(journal.readAll()).extracting(JournalRecord::index).containsExactly(9L, 10L, 11L);
        }
    }

    @Test
    void aSecondWriterCannotOpenAJournalInUseAndTheOwnerIdSurvivesReopening() throws Exception {
        String owner;
        try (LogJournal journal = LogJournal.open(directory, SEGMENT)) {
            owner = journal.owner();
            assertThatThrownBy(() -> LogJournal.open(directory, SEGMENT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another writer");
        }
        try (LogJournal reopened = LogJournal.open(directory, SEGMENT)) {
            assertThat(reopened.owner()).isEqualTo(owner);
        }
    }

    @Test
    void recordsOutOfSequenceAreRefused() throws Exception {
        try (LogJournal journal = LogJournal.open(directory, SEGMENT)) {
            journal.startAt(7);
            assertThatThrownBy(() -> journal.write(List.of(record(8, 10))))
                    .isInstanceOf(IllegalArgumentException.class);
            journal.write(List.of(record(7, 10)));
            assertThat(journal.readAll()).extracting(JournalRecord::index).containsExactly(7L);
        }
    }

    private List<Path> segments() throws Exception {
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".journal")).toList();
        }
    }

    private static int bodySize(JournalRecord record) {
        // appendedAt (12), data length and data, the rows flag and rows
        return 12 + 4 + record.data().length + 1 + rowsSize(record.rows());
    }

    private static int rowsSize(RowValues rows) {
        int size = 4 + rows.kind().table().length() + 2;
        for (int i = 0; i < rows.values().length; i++) {
            size += 4 + rows.kind().names().get(i).length() + 1 + 1;
            Object value = rows.values()[i];
            if (value instanceof Long) {
                size += 8;
            } else if (value instanceof String text) {
                size += 4 + text.getBytes(StandardCharsets.UTF_8).length;
            } else if (value instanceof Instant) {
                size += 12;
            }
        }
        return size;
    }

    private static JournalRecord record(long index, int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) index);
        RowValues rows = new RowValues(
                new RowValues.Kind(
                        "troad.ss_message_record",
                        List.of("leaf", "x_road_id", "logged_at", "absent"),
                        List.of(ColumnType.BIGINT, ColumnType.TEXT, ColumnType.TIMESTAMPTZ, ColumnType.TEXT)),
                new Object[] {index, "請求-" + index, AT.plusMillis(index), null});
        return new JournalRecord(index, AT, data, rows);
    }

    private static void assertSame(JournalRecord read, JournalRecord written) {
        assertThat(read.index()).isEqualTo(written.index());
        assertThat(read.appendedAt()).isEqualTo(written.appendedAt());
        assertThat(read.data()).isEqualTo(written.data());
        assertThat(read.rows().kind()).isEqualTo(written.rows().kind());
        assertThat(read.rows().values()).containsExactly(written.rows().values());
    }
}
