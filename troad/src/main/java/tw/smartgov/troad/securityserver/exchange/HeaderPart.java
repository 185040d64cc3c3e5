package tw.smartgov.troad.securityserver.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.protocol.XRoadHeaders;

/**
 * The canonical header parts that are hashed and signed. Each is UTF-8 text, one item per line
 * ending in {@code \n}:
 *
 * <pre>
 * request:  "troad-request-1", METHOD, service id (encoded), path+query (as sent), client id
 *           (encoded), X-Road-Id, X-Road-Request-Id, then the passed headers
 * response: "troad-response-1", status, X-Road-Id, X-Road-Request-Hash, then the passed headers
 * </pre>
 *
 * The passed headers are all headers except the filtered hop-by-hop ones and the protocol headers
 * the security servers set themselves (those named above, {@code X-Road-Service} and every {@code
 * X-TRoad-*}, see {@link TRoadHeaders}); each as {@code lowercase-name:value}, sorted by name, values of one name in their
 * order of arrival. A message digest is {@code SHA-512(SHA-512(headerPart) || SHA-512(body))}; the
 * request's digest, base64, is the {@code X-Road-Request-Hash}.
 */
public final class HeaderPart {
    private static final Set<String> PROTOCOL = Set.of(
            XRoadHeaders.CLIENT.toLowerCase(Locale.ROOT),
            XRoadHeaders.SERVICE.toLowerCase(Locale.ROOT),
            XRoadHeaders.ID.toLowerCase(Locale.ROOT),
            XRoadHeaders.REQUEST_ID.toLowerCase(Locale.ROOT),
            XRoadHeaders.REQUEST_HASH.toLowerCase(Locale.ROOT));

    private HeaderPart() {}

    /** True for headers passed from hop to hop unchanged (and therefore signed). */
    public static boolean passes(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !XRoadHeaders.isFiltered(lower) && !PROTOCOL.contains(lower) && !lower.startsWith("x-troad-");
    }

    public static List<HttpField> passed(HttpFields fields) {
        List<HttpField> out = new ArrayList<>();
        for (HttpField field : fields) {
            if (passes(field.getName())) {
                out.add(field);
            }
        }
        return out;
    }

    public static String request(
            String method,
            ServiceId service,
            String pathAndQuery,
            SubsystemId client,
            String xRoadId,
            String requestId,
            List<HttpField> passed) {
        var out = new StringBuilder("troad-request-1\n");
        for (String item : List.of(method, service.encoded(), pathAndQuery, client.encoded(), xRoadId, requestId)) {
            out.append(item).append('\n');
        }
        return appendHeaders(out, passed);
    }

    public static String response(int status, String xRoadId, String requestHash, List<HttpField> passed) {
        var out = new StringBuilder("troad-response-1\n");
        out.append(status)
                .append('\n')
                .append(xRoadId)
                .append('\n')
                .append(requestHash)
                .append('\n');
        return appendHeaders(out, passed);
    }

    private static String appendHeaders(StringBuilder out, List<HttpField> passed) {
        passed.stream()
                .sorted(Comparator.comparing(f -> f.getName().toLowerCase(Locale.ROOT)))
                .forEach(f -> out.append(f.getName().toLowerCase(Locale.ROOT))
                        .append(':')
                        .append(f.getValue())
                        .append('\n'));
        return out.toString();
    }

    public static byte[] digest(String headerPart, byte[] bodyDigest) {
        MessageDigest outer = SpooledBody.sha512();
        outer.update(SpooledBody.sha512().digest(headerPart.getBytes(StandardCharsets.UTF_8)));
        outer.update(bodyDigest);
        return outer.digest();
    }
}
