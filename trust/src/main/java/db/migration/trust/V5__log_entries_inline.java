package db.migration.trust;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, log entries of up to about 8 KB stay in the table's own row instead of being cut
 * into TOAST chunks: a T-Road message record is about 5 KB, and moving it out of line cost three
 * more row and index inserts per append. Only larger entries (big logged bodies) still go out of
 * line, uncompressed (see V4). Other databases (H2 in dev mode) have no such setting.
 */
public class V5__log_entries_inline extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("ALTER TABLE log_leaf SET (toast_tuple_target = 8160)");
        }
    }
}
