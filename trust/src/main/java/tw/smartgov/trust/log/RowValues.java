package tw.smartgov.trust.log;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The row an entry's {@link EntryRows} describe, with its values read from the entry's attachment
 * once the entry had its index: what the log writer inserts, and what a log journal keeps, so that
 * an entry recovered from a journal gets the same row without its attachment.
 *
 * @param kind the table and its columns
 * @param values one per column, each of the Java type its column's type names, or null
 */
record RowValues(Kind kind, @Nullable Object[] values) {

    /** A table and the columns written to it: enough to insert rows, without the attachments. */
    record Kind(String table, List<String> names, List<EntryRows.Type> types) {
        Kind {
            names = List.copyOf(names);
            types = List.copyOf(types);
            if (names.size() != types.size()) {
                throw new IllegalArgumentException("each column of " + table + " needs one type");
            }
        }

        /** Writes {@code rows} with one batched insert, in the caller's transaction. */
        void insert(Connection c, List<@Nullable Object[]> rows) throws SQLException {
            String marks = names.stream().map(n -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + marks + ")")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < names.size(); i++) {
                        bindOne(s, i + 1, types.get(i), row[i]);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
        }

        /**
         * One data-modifying part of a PostgreSQL {@code WITH} statement: inserts one row per
         * element of the arrays bound by {@link #bindArrays}, but only if {@code guard} (a
         * preceding part) returned a row.
         */
        String unnestedInsert(String guard) {
            String arrays = types.stream().map(t -> "?::" + t.sqlName() + "[]").collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT u.* FROM " + guard + ", unnest("
                    + arrays + ") AS u";
        }

        /** Binds one array per column for {@link #unnestedInsert}; returns the next parameter index. */
        int bindArrays(Connection c, PreparedStatement s, int first, List<@Nullable Object[]> rows)
                throws SQLException {
            int p = first;
            for (int column = 0; column < names.size(); column++) {
                Object[] values = new Object[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    Object value = rows.get(i)[column];
                    // timestamps travel as ISO-8601 text, cast by the statement: exact to the microsecond
                    values[i] = value instanceof Instant instant ? instant.toString() : value;
                }
                EntryRows.Type type = types.get(column);
                String elementType = type == EntryRows.Type.TIMESTAMPTZ ? "text" : type.sqlName();
                s.setArray(p++, c.createArrayOf(elementType, values));
            }
            return p;
        }

        private static void bindOne(PreparedStatement s, int p, EntryRows.Type type, @Nullable Object value)
                throws SQLException {
            switch (type) {
                case BIGINT -> {
                    if (value == null) {
                        s.setNull(p, Types.BIGINT);
                    } else {
                        s.setLong(p, (Long) value);
                    }
                }
                case TEXT -> s.setString(p, (String) value);
                case TIMESTAMPTZ -> s.setTimestamp(p, value == null ? null : Timestamp.from((Instant) value));
            }
        }
    }

    int estimatedBytes() {
        int bytes = kind.table().length() + 8;
        for (int i = 0; i < values.length; i++) {
            bytes += kind.names().get(i).length() + 16;
            if (values[i] instanceof String text) {
                bytes += 3 * text.length();
            }
        }
        return bytes;
    }

    void writeTo(DataOutputStream out) throws IOException {
        writeText(out, kind.table());
        out.writeShort(values.length);
        for (int i = 0; i < values.length; i++) {
            EntryRows.Type type = kind.types().get(i);
            writeText(out, kind.names().get(i));
            out.writeByte(type.ordinal());
            Object value = values[i];
            out.writeBoolean(value != null);
            if (value != null) {
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
        }
    }

    static RowValues readFrom(DataInputStream in) throws IOException {
        String table = readText(in);
        int count = in.readUnsignedShort();
        List<String> names = new ArrayList<>(count);
        List<EntryRows.Type> types = new ArrayList<>(count);
        Object[] values = new Object[count];
        EntryRows.Type[] all = EntryRows.Type.values();
        for (int i = 0; i < count; i++) {
            names.add(readText(in));
            int ordinal = in.readUnsignedByte();
            if (ordinal >= all.length) {
                throw new IOException("unknown column type " + ordinal + " in a journal record");
            }
            EntryRows.Type type = all[ordinal];
            types.add(type);
            if (in.readBoolean()) {
                values[i] = switch (type) {
                    case BIGINT -> in.readLong();
                    case TEXT -> readText(in);
                    case TIMESTAMPTZ -> Instant.ofEpochSecond(in.readLong(), in.readInt());
                };
            }
        }
        return new RowValues(new Kind(table, names, types), values);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > TransparencyLogs.MAX_ENTRY_BYTES) {
            throw new IOException("a text of " + length + " bytes in a journal record");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
