package tw.smartgov.trust.log.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The row an entry's attached rows describe ({@code EntryRows}), with its values read from the
 * entry's attachment once the entry had its index: what the log writer inserts, and what a log
 * journal keeps, so that an entry recovered from a journal gets the same row without its
 * attachment.
 *
 * @param kind the table and its columns
 * @param values one per column, each of the Java type its column's type names, or null
 */
public record RowValues(Kind kind, @Nullable Object[] values) {

    /** A table and the columns written to it: enough to insert rows, without the attachments. */
    public record Kind(String table, List<String> names, List<ColumnType> types) {
        public Kind {
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
                ColumnType type = types.get(column);
                String elementType = type == ColumnType.TIMESTAMPTZ ? "text" : type.sqlName();
                s.setArray(p++, c.createArrayOf(elementType, values));
            }
            return p;
        }

        private static void bindOne(PreparedStatement s, int p, ColumnType type, @Nullable Object value)
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

    /** About how many bytes the row takes in a journal record. */
    public int estimatedBytes() {
        int bytes = kind.table().length() + 8;
        for (int i = 0; i < values.length; i++) {
            bytes += kind.names().get(i).length() + 16;
            if (values[i] instanceof String text) {
                bytes += 3 * text.length();
            }
        }
        return bytes;
    }
}
