package tw.smartgov.troad.securityserver.config;

import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * Who may call which service: consulted by the provider side for every request. Deny by default:
 * an implementation answers {@code true} only for an explicit grant. Implementations are
 * thread-safe and fast (called on the data path).
 */
@FunctionalInterface
public interface AccessRights {
    /**
     * @param client the calling subsystem, already authenticated by mutual TLS and signature
     * @param service the service called
     * @param method the HTTP method, upper case
     * @param path the path below the service, e.g. {@code /persons/1}; empty for the service root
     */
    boolean allows(SubsystemId client, ServiceId service, String method, String path);

    /**
     * True if the client may call the service at all (some method, some path): what the {@code
     * allowedMethods} metaservice lists. The default asks for {@code GET} on the service root;
     * implementations that know their grants answer exactly.
     */
    default boolean allowsAny(SubsystemId client, ServiceId service) {
        return allows(client, service, "GET", "");
    }
}
