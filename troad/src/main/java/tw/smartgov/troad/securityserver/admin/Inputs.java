package tw.smartgov.troad.securityserver.admin;

import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.ClientId;
import tw.smartgov.troad.identifier.InvalidIdentifierException;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.securityserver.config.AccessGrant;
import tw.smartgov.troad.securityserver.config.ServiceDescription;

/** Turns untrusted management input into domain values, or refuses it with a clear AdminException. */
final class Inputs {
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final int MAX_OPENAPI_CHARS = 1 << 20;
    private static final int MAX_PATH = 1000;

    private Inputs() {}

    /** The JSON shape of one access right; method and pathPrefix are optional. */
    record GrantBody(
            @Nullable String client,
            @Nullable String service,
            @Nullable String method,
            @Nullable String pathPrefix) {}

    /** The JSON shape of one provided service; openapi is optional. */
    record ServiceBody(
            @Nullable String service,
            @Nullable String backend,
            @Nullable String openapi) {}

    static AccessGrant grant(GrantBody body) {
        SubsystemId client = subsystem(required("client", body.client()));
        ServiceId service = service(required("service", body.service()));
        return new AccessGrant(client, service, method(body.method()), pathPrefix(body.pathPrefix()));
    }

    static ServiceDescription service(ServiceBody body) {
        ServiceId service = service(required("service", body.service()));
        return new ServiceDescription(service, backend(required("backend", body.backend())), openApi(body.openapi()));
    }

    static SubsystemId subsystem(String value) {
        try {
            if (ClientId.parse(value.strip()) instanceof SubsystemId subsystem) {
                return subsystem;
            }
        } catch (InvalidIdentifierException e) {
            throw invalidIdentifier("client", e);
        }
        throw new AdminException(
                AdminError.INVALID_IDENTIFIER, "client must name a subsystem, e.g. TW/GOV/NDC/mydata: " + value);
    }

    static ServiceId service(String value) {
        try {
            return ServiceId.parse(value.strip());
        } catch (InvalidIdentifierException e) {
            throw invalidIdentifier("service", e);
        }
    }

    private static @Nullable String method(@Nullable String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        String upper = method.strip().toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw invalid("method must be one of "
                    + String.join(", ", METHODS.stream().sorted().toList()));
        }
        return upper;
    }

    private static @Nullable String pathPrefix(@Nullable String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.strip();
        if (!p.startsWith("/") || p.length() > MAX_PATH || p.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw invalid("pathPrefix must start with '/', have no spaces or control characters and at most " + MAX_PATH
                    + " characters");
        }
        return p;
    }

    private static URI backend(String value) {
        try {
            return ServiceDescription.requireHttpUrl(new URI(value.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid("backend must be an absolute http or https URL, e.g. http://10.0.0.5:8080/api");
        }
    }

    private static @Nullable String openApi(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_OPENAPI_CHARS) {
            throw new AdminException(AdminError.INVALID_OPENAPI, "the OpenAPI document is larger than 1 MiB");
        }
        var result = new OpenAPIV3Parser().readContents(text, null, null);
        if (result.getOpenAPI() == null) {
            List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
            throw new AdminException(
                    AdminError.INVALID_OPENAPI,
                    "the OpenAPI document cannot be read" + (messages.isEmpty() ? "" : ": " + messages.getFirst()));
        }
        return text;
    }

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required");
        }
        return value;
    }

    private static AdminException invalid(String message) {
        return new AdminException(AdminError.INVALID_REQUEST, message);
    }

    private static AdminException invalidIdentifier(String field, InvalidIdentifierException e) {
        return new AdminException(
                AdminError.INVALID_IDENTIFIER, field + " is not a valid identifier: " + e.getMessage());
    }
}
