package tw.smartgov.trust.log.store;

/**
 * The SQL type of a column of attached rows, and the Java value it takes (or null). Journal
 * records name a type by its ordinal: add new ones at the end.
 */
public enum ColumnType {
    /** A {@link Long}. */
    BIGINT("int8"),
    /** A {@link String}. */
    TEXT("text"),
    /** An {@link java.time.Instant}. */
    TIMESTAMPTZ("timestamptz");

    private final String sqlName;

    ColumnType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The type's name in PostgreSQL casts. */
    public String sqlName() {
        return sqlName;
    }
}
