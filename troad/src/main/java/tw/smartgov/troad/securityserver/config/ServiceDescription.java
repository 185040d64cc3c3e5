package tw.smartgov.troad.securityserver.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.ServiceId;

/**
 * One service provided by this security server, as configured locally by its owner.
 *
 * @param service the service identifier; its provider must be a subsystem served by this server
 * @param backend absolute {@code http} or {@code https} base URL of the backend
 * @param openApi the service's OpenAPI document (JSON or YAML text) as returned by the {@code
 *     getOpenAPI} metaservice; {@code null} or blank if there is none
 */
public record ServiceDescription(
        ServiceId service, URI backend, @Nullable String openApi) {
    public ServiceDescription {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(backend, "backend");
        requireHttpUrl(backend);
        openApi = openApi == null || openApi.isBlank() ? null : openApi;
    }

    /** Returns the URI if it is an absolute http(s) URL with a host; throws IllegalArgumentException if not. */
    public static URI requireHttpUrl(URI backend) {
        String scheme = backend.getScheme() == null ? "" : backend.getScheme().toLowerCase(Locale.ROOT);
        if (!backend.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || backend.getHost() == null) {
            throw new IllegalArgumentException("the backend must be an absolute http or https URL: " + backend);
        }
        return backend;
    }

    /** X-Road's {@code service_type}: {@code OPENAPI} if a document is stored, else {@code REST}. */
    public String serviceType() {
        return openApi == null ? "REST" : "OPENAPI";
    }
}
