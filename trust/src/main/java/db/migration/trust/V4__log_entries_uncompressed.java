package db.migration.trust;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, log entries are stored out of line without compression: they are mostly base64
 * and signatures, which pglz barely shrinks, and compressing every entry above 2 KB (a T-Road
 * message record is about 5 KB) cost the database CPU on every append. Other databases (H2 in dev
 * mode) have no such setting; nothing to do there.
 */
public class V4__log_entries_uncompressed extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("ALTER TABLE log_leaf ALTER COLUMN data SET STORAGE EXTERNAL");
        }
    }
}
