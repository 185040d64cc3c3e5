package tw.smartgov.trust.log.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import tw.smartgov.trust.log.store.RowValues;

/**
 * A journal record on disk: {@code length, CRC-32C, leaf index, body}, the CRC over the index and
 * the body; the body holds when the entry was appended, the entry and its attached row, if any.
 * Reading a segment stops at the first record that is empty, torn (its CRC does not match) or out
 * of sequence.
 */
public final class RecordFormat {
    static final int HEADER_BYTES = 16;

    private RecordFormat() {}

    /** Puts {@code record}, whose body is {@code body}, into {@code buffer}, which has room for it. */
    static void put(ByteBuffer buffer, JournalRecord record, byte[] body) {
        buffer.putInt(body.length)
                .putInt(crc(record.index(), body))
                .putLong(record.index())
                .put(body);
    }

    /** The records of one segment, up to the first one that is empty, torn or out of sequence. */
    public static List<JournalRecord> read(Path path) throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = in.size();
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (at + HEADER_BYTES <= size) {
                header.clear();
                readFully(in, header, at);
                int length = header.getInt(0);
                long index = header.getLong(8);
                if (length <= 0 || at + HEADER_BYTES + length > size) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                readFully(in, body, at + HEADER_BYTES);
                boolean inSequence =
                        records.isEmpty() || index == records.getLast().index() + 1;
                if (crc(index, body.array()) != header.getInt(4) || !inSequence) {
                    break;
                }
                records.add(decode(index, body.array()));
                at += HEADER_BYTES + length;
            }
        }
        return records;
    }

    private static int crc(long index, byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, index));
        crc.update(body);
        return (int) crc.getValue();
    }

    private static void readFully(FileChannel in, ByteBuffer into, long at) throws IOException {
        long position = at;
        while (into.hasRemaining()) {
            int read = in.read(into, position);
            if (read < 0) {
                throw new EOFException();
            }
            position += read;
        }
    }

    static byte[] body(JournalRecord record) {
        try {
            var bytes = new ByteArrayOutputStream(record.encodedSize());
            var out = new DataOutputStream(bytes);
            out.writeLong(record.appendedAt().getEpochSecond());
            out.writeInt(record.appendedAt().getNano());
            out.writeInt(record.data().length);
            out.write(record.data());
            RowValues rows = record.rows();
            out.writeBoolean(rows != null);
            if (rows != null) {
                RowValuesFormat.write(rows, out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
    }

    private static JournalRecord decode(long index, byte[] body) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(body));
        Instant appendedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        RowValues rows = in.readBoolean() ? RowValuesFormat.read(in) : null;
        return new JournalRecord(index, appendedAt, data, rows);
    }
}
