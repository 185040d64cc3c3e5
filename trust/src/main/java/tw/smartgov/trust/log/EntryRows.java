package tw.smartgov.trust.log;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.log.store.ColumnType;
import tw.smartgov.trust.log.store.RowValues;

/**
 * Rows that another module keeps about log entries (an index by message id, say), written with
 * the entries they describe: an entry is never durable without its rows, nor rows without their
 * entry, and both cost one commit. See {@link TransparencyLogs#append(String, byte[], Object,
 * EntryRows)}.
 *
 * <p>The rows are described (a table, and how each column is read from an entry) rather than
 * written by the caller's own SQL, so that the log writer can insert them in whichever form the
 * database takes best: on PostgreSQL within the single statement that commits a whole batch, one
 * round trip per group commit; elsewhere as a batched insert in the batch's transaction.
 *
 * @param table the table, optionally schema-qualified, e.g. {@code troad.ss_message_record}
 * @param columns the columns written, each with its value for an appended entry
 * @param <T> what the caller attaches to each entry to make its row from
 */
public record EntryRows<T>(String table, List<Column<T>> columns) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    public EntryRows {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("rows of " + table + " need at least one column");
        }
    }

    /** The SQL types a column may have, and the Java value each takes (or null). */
    public enum Type {
        /** A {@link Long}. */
        BIGINT(ColumnType.BIGINT),
        /** A {@link String}. */
        TEXT(ColumnType.TEXT),
        /** An {@link Instant}. */
        TIMESTAMPTZ(ColumnType.TIMESTAMPTZ);

        private final ColumnType column;

        Type(ColumnType column) {
            this.column = column;
        }

        ColumnType column() {
            return column;
        }
    }

    /** A column of the table and its value for an entry: of the Java type its {@link Type} names. */
    public record Column<T>(String name, Type type, Function<Appended<T>, @Nullable Object> value) {
        public Column {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain column name: " + name);
            }
            Objects.requireNonNull(type);
            Objects.requireNonNull(value);
        }
    }

    /** An entry of the batch being committed: its leaf index and what was attached to it. */
    public record Appended<T>(long leafIndex, T attachment) {}

    /** A column holding the entry's leaf index. */
    public static <T> Column<T> leafIndex(String name) {
        return new Column<>(name, Type.BIGINT, Appended::leafIndex);
    }

    /** A column holding what {@code value} reads from the attachment. */
    public static <T> Column<T> of(String name, Type type, Function<T, @Nullable Object> value) {
        return new Column<>(name, type, appended -> value.apply(appended.attachment()));
    }

    /** The table and its columns, without how values are read. */
    RowValues.Kind kind() {
        return new RowValues.Kind(
                table,
                columns.stream().map(Column::name).toList(),
                columns.stream().map(c -> c.type().column()).toList());
    }

    /** The row of the entry at {@code leafIndex}, its values read from {@code attachment} now. */
    RowValues evaluate(long leafIndex, T attachment) {
        Appended<T> entry = new Appended<>(leafIndex, attachment);
        @Nullable Object[] values = new @Nullable Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = checked(columns.get(i), entry);
        }
        return new RowValues(kind(), values);
    }

    private @Nullable Object checked(Column<T> column, Appended<T> entry) {
        Object value = column.value().apply(entry);
        Class<?> expected = switch (column.type()) {
            case BIGINT -> Long.class;
            case TEXT -> String.class;
            case TIMESTAMPTZ -> Instant.class;
        };
        if (value != null && !expected.isInstance(value)) {
            throw new IllegalArgumentException("column " + table + "." + column.name() + " takes a "
                    + expected.getSimpleName() + ", not a " + value.getClass().getSimpleName());
        }
        return value;
    }
}
