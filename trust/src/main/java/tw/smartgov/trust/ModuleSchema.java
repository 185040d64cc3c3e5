package tw.smartgov.trust;

import java.util.regex.Pattern;

/**
 * A module's own database schema. Each module declares one as a bean; its Flyway migrations live
 * under {@code classpath:db/migration/<name>} and its history table inside its own schema, so no
 * module ever migrates (or reads) another module's tables.
 */
public record ModuleSchema(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,30}");

    public ModuleSchema {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name must match " + NAME + ": " + name);
        }
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + name;
    }
}
