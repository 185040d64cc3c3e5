package tw.smartgov.troad.protocol;

/**
 * Errors raised by T-Road itself (never by a provider's backend, whose errors pass through
 * untouched). The type string is X-Road's fault code, sent in the {@code X-Road-Error} header and
 * the JSON body {@code {"type","message","detail"}}.
 */
public enum XRoadErrorType {
    BAD_REQUEST("Client.BadRequest", 400),
    INVALID_CLIENT("Client.InvalidClient", 400),
    INVALID_SIGNATURE("Client.InvalidSignatureValue", 400),
    UNKNOWN_MEMBER("Server.ClientProxy.UnknownMember", 500),
    UNKNOWN_SUBSYSTEM("Server.ClientProxy.UnknownSubsystem", 500),
    OUTDATED_GLOBAL_CONFIGURATION("Server.ClientProxy.OutdatedGlobalConf", 500),
    SERVICE_PROVIDER_UNREACHABLE("Server.ClientProxy.NetworkError", 500),
    SSL_AUTHENTICATION_FAILED("Server.ClientProxy.SslAuthenticationFailed", 500),
    RESPONSE_SIGNATURE_INVALID("Server.ClientProxy.InvalidSignatureValue", 500),
    RESPONSE_HASH_MISMATCH("Server.ClientProxy.InconsistentResponse", 500),
    CLIENT_PROXY_INTERNAL("Server.ClientProxy.InternalError", 500),
    ACCESS_DENIED("Server.ServerProxy.AccessDenied", 403),
    UNKNOWN_SERVICE("Server.ServerProxy.UnknownService", 500),
    SERVICE_FAILED("Server.ServerProxy.ServiceFailed", 500),
    SERVICE_TIMEOUT("Server.ServerProxy.ServiceTimeout", 500),
    SERVER_PROXY_SSL_AUTHENTICATION_FAILED("Server.ServerProxy.SslAuthenticationFailed", 500),
    SERVER_PROXY_INTERNAL("Server.ServerProxy.InternalError", 500),
    MESSAGE_LOG_UNAVAILABLE("Server.ServerProxy.MessageLogUnavailable", 500);

    private final String type;
    private final int status;

    XRoadErrorType(String type, int status) {
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
