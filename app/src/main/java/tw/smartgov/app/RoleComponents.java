package tw.smartgov.app;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Leaves out of a role the components that belong to another: a security server runs no central
 * server (it would answer registrations and publish a global configuration of its own).
 */
final class RoleComponents extends TypeExcludeFilter {
    private static final String CENTRAL = "tw.smartgov.troad.central.";
    private final ServerRole role;

    RoleComponents(ServerRole role) {
        this.role = role;
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return role == ServerRole.SECURITY_SERVER
                && reader.getClassMetadata().getClassName().startsWith(CENTRAL);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RoleComponents r && r.role == role;
    }

    @Override
    public int hashCode() {
        return role.hashCode();
    }
}
