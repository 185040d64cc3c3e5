package tw.smartgov.troad.protocol;

import java.util.Locale;
import java.util.Set;

/** Header names of X-Road's REST protocol r1, and the headers that never cross a hop. */
public final class XRoadHeaders {
    public static final String CLIENT = "X-Road-Client";
    public static final String SERVICE = "X-Road-Service";
    public static final String ID = "X-Road-Id";
    public static final String USER_ID = "X-Road-UserId";
    public static final String ISSUE = "X-Road-Issue";
    public static final String SECURITY_SERVER = "X-Road-Security-Server";
    public static final String REPRESENTED_PARTY = "X-Road-Represented-Party";
    public static final String REQUEST_ID = "X-Road-Request-Id";
    public static final String REQUEST_HASH = "X-Road-Request-Hash";
    public static final String ERROR = "X-Road-Error";

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those X-Road filters: never forwarded. */
    private static final Set<String> FILTERED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "user-agent",
            "server",
            "content-length",
            "expect");

    private XRoadHeaders() {}

    /** True if the header must not be passed on to the next hop. */
    public static boolean isFiltered(String name) {
        return FILTERED.contains(name.toLowerCase(Locale.ROOT));
    }
}
