package tw.smartgov.trust;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings every declared {@link ModuleSchema} up to date when the application starts. Beans that
 * read the database while starting take this bean as a constructor argument, which orders them
 * after the migrations.
 */
@Component
public class SchemaMigrations {
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    public SchemaMigrations(DataSource dataSource, List<ModuleSchema> schemas) {
        for (ModuleSchema schema : schemas) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema.name())
                    .defaultSchema(schema.name())
                    .locations(schema.migrationLocation())
                    .load()
                    .migrate();
            log.info(
                    "schema {} at version {} ({} migrations applied)",
                    schema.name(),
                    result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }
}
