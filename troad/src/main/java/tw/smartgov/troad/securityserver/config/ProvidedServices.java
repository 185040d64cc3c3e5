package tw.smartgov.troad.securityserver.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * The services this security server provides and the backend URL of each. Looked up for every
 * request, so the management layer may change it while the server runs. Thread-safe.
 *
 * <p>The metaservices ({@code listMethods}, {@code getOpenAPI}) use {@link #servicesOf} and {@link
 * #description}; an implementation that only knows backends lists nothing and has no documents.
 */
@FunctionalInterface
public interface ProvidedServices {
    /** The backend base URL of the service, e.g. {@code http://10.0.0.5:8080/person}; empty if unknown. */
    Optional<URI> backend(ServiceId service);

    /** The services of one provider subsystem, sorted by service code; empty if none are known. */
    default java.util.List<ServiceDescription> servicesOf(SubsystemId provider) {
        return java.util.List.of();
    }

    /** The service with its OpenAPI document if one is stored; empty if the service is unknown. */
    default Optional<ServiceDescription> description(ServiceId service) {
        return backend(service).map(backend -> new ServiceDescription(service, backend, null));
    }

    /** A fixed set of services (copied); for services that change at run time use {@link #mutable}. */
    static ProvidedServices of(Map<ServiceId, URI> backends) {
        return new MapProvidedServices(Map.copyOf(backends));
    }

    /** Backed by the given concurrent map: whatever is put into it is served from then on. */
    static ProvidedServices mutable(ConcurrentHashMap<ServiceId, URI> backends) {
        return new MapProvidedServices(backends);
    }
}
