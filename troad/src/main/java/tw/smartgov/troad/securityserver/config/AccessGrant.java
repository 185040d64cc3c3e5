package tw.smartgov.troad.securityserver.config;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * One access right: {@code client} may call {@code service}, optionally only with one HTTP
 * method and only below a path prefix.
 *
 * @param method an HTTP method (stored upper case) or {@code null} for every method
 * @param pathPrefix a path such as {@code /persons}: matches {@code /persons} and everything below
 *     {@code /persons/}, not {@code /personsX}; {@code null} or empty for every path
 */
public record AccessGrant(
        SubsystemId client,
        ServiceId service,
        @Nullable String method,
        @Nullable String pathPrefix) {
    public AccessGrant {
        method = method == null || method.isBlank() ? null : method.strip().toUpperCase(Locale.ROOT);
        pathPrefix = pathPrefix == null || pathPrefix.isEmpty() || pathPrefix.equals("/") ? null : pathPrefix;
        if (pathPrefix != null && !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with '/': " + pathPrefix);
        }
    }

    /** Every method on every path of the service. */
    public static AccessGrant whole(SubsystemId client, ServiceId service) {
        return new AccessGrant(client, service, null, null);
    }

    /** True if this grant covers the call. */
    public boolean covers(SubsystemId client, ServiceId service, String method, String path) {
        return this.client.equals(client)
                && this.service.equals(service)
                && (this.method == null || this.method.equalsIgnoreCase(method))
                && coversPath(path);
    }

    private boolean coversPath(String path) {
        if (pathPrefix == null) {
            return true;
        }
        if (pathPrefix.endsWith("/")) {
            return path.startsWith(pathPrefix);
        }
        return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
    }
}
