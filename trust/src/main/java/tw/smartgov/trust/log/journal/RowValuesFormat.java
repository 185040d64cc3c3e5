package tw.smartgov.trust.log.journal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.log.store.ColumnType;
import tw.smartgov.trust.log.store.RowValues;
import tw.smartgov.trust.log.writer.LogAppender;

/**
 * An entry's attached row inside a journal record: the table, then per column its name, its type
 * (by ordinal), a presence flag and the value; texts are UTF-8 with an int length.
 */
final class RowValuesFormat {

    private RowValuesFormat() {}

    static void write(RowValues rows, DataOutputStream out) throws IOException {
        writeText(out, rows.kind().table());
        out.writeShort(rows.values().length);
        for (int i = 0; i < rows.values().length; i++) {
            ColumnType type = rows.kind().types().get(i);
            writeText(out, rows.kind().names().get(i));
            out.writeByte(type.ordinal());
            Object value = rows.values()[i];
            out.writeBoolean(value != null);
            if (value != null) {
                writeValue(out, type, value);
            }
        }
    }

    private static void writeValue(DataOutputStream out, ColumnType type, Object value) throws IOException {
        switch (type) {
            case BIGINT -> out.writeLong((Long) value);
            case TEXT -> writeText(out, (String) value);
            case TIMESTAMPTZ -> {
                Instant instant = (Instant) value;
                out.writeLong(instant.getEpochSecond());
                out.writeInt(instant.getNano());
            }
        }
    }

    static RowValues read(DataInputStream in) throws IOException {
        String table = readText(in);
        int count = in.readUnsignedShort();
        List<String> names = new ArrayList<>(count);
        List<ColumnType> types = new ArrayList<>(count);
        @Nullable Object[] values = new @Nullable Object[count];
        ColumnType[] all = ColumnType.values();
        for (int i = 0; i < count; i++) {
            names.add(readText(in));
            int ordinal = in.readUnsignedByte();
            if (ordinal >= all.length) {
                throw new IOException("unknown column type " + ordinal + " in a journal record");
            }
            ColumnType type = all[ordinal];
            types.add(type);
            if (in.readBoolean()) {
                values[i] = readValue(in, type);
            }
        }
        return new RowValues(new RowValues.Kind(table, names, types), values);
    }

    private static Object readValue(DataInputStream in, ColumnType type) throws IOException {
        return switch (type) {
            case BIGINT -> in.readLong();
            case TEXT -> readText(in);
            case TIMESTAMPTZ -> Instant.ofEpochSecond(in.readLong(), in.readInt());
        };
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > LogAppender.MAX_ENTRY_BYTES) {
            throw new IOException("a text of " + length + " bytes in a journal record");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
