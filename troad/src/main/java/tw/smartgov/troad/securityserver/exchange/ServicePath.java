package tw.smartgov.troad.securityserver.exchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.InvalidIdentifierException;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * A parsed {@code /r1/{INSTANCE}/{CLASS}/{MEMBER}/{SUBSYSTEM}/{SERVICE}[/path][?query]}.
 *
 * @param rest the path below the service as received (percent-encoded), {@code ""} or starting
 *     with {@code /}
 */
public record ServicePath(
        ServiceId service, String rest, @Nullable String query) {
    private static final String PREFIX = "/r1/";

    public static ServicePath parse(String rawPath, @Nullable String query) {
        if (!rawPath.startsWith(PREFIX)) {
            throw bad("the path must start with /r1/ followed by the service identifier");
        }
        String[] parts = rawPath.substring(PREFIX.length()).split("/", 6);
        if (parts.length < 5) {
            throw bad("the path must name a service: /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE");
        }
        String rest = parts.length == 6 ? "/" + parts[5] : "";
        checkNoDotSegments(rest);
        try {
            ServiceId service = ServiceId.parse(String.join("/", java.util.Arrays.copyOf(parts, 5)));
            var parsed = new ServicePath(service, rest, query);
            parsed.decodedRest();
            return parsed;
        } catch (InvalidIdentifierException e) {
            throw bad("the service identifier is malformed: " + e.getMessage());
        }
    }

    /** The path below the service plus the query, as it is passed on. */
    public String pathAndQuery() {
        return query == null ? rest : rest + "?" + query;
    }

    /** The decoded path below the service, for access rights. */
    public String decodedRest() {
        try {
            return URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad("the path is not correctly percent-encoded");
        }
    }

    /** Where the service is called at another security server, e.g. {@code https://host:5500/r1/...}. */
    public java.net.URI at(String serverAddress) {
        try {
            return java.net.URI.create(stripTrailingSlash(serverAddress) + PREFIX + service.encoded() + pathAndQuery());
        } catch (IllegalArgumentException e) {
            throw bad("the path or query is not a valid URI");
        }
    }

    /** Where the service is called at its backend: the path and query below the backend's base URL. */
    public java.net.URI below(java.net.URI backend) {
        return java.net.URI.create(stripTrailingSlash(backend.toString()) + pathAndQuery());
    }

    private static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static void checkNoDotSegments(String rest) {
        for (String segment : rest.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals("..") || decoded.equals(".")) {
                throw bad("the path must not contain '.' or '..' segments");
            }
        }
    }

    private static XRoadException bad(String message) {
        return new XRoadException(XRoadErrorType.BAD_REQUEST, message);
    }
}
