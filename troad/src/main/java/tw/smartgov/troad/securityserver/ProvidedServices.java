package tw.smartgov.troad.securityserver;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tw.smartgov.troad.identifier.ServiceId;

/**
 * The services this security server provides and the backend URL of each. Looked up for every
 * request, so the management layer may change it while the server runs. Thread-safe.
 */
@FunctionalInterface
public interface ProvidedServices {
    /** The backend base URL of the service, e.g. {@code http://10.0.0.5:8080/person}; empty if unknown. */
    Optional<URI> backend(ServiceId service);

    /** A fixed set of services (copied); for services that change at run time use {@link #mutable}. */
    static ProvidedServices of(Map<ServiceId, URI> backends) {
        Map<ServiceId, URI> copy = Map.copyOf(backends);
        return service -> Optional.ofNullable(copy.get(service));
    }

    /** Backed by the given concurrent map: whatever is put into it is served from then on. */
    static ProvidedServices mutable(ConcurrentHashMap<ServiceId, URI> backends) {
        return service -> Optional.ofNullable(backends.get(service));
    }
}
