package tw.smartgov.troad.securityserver.config;

import java.util.List;
import tw.smartgov.troad.identifier.ServiceId;

/**
 * {@link ProvidedServices} that the owner changes at run time (management API, page); every
 * change applies to the next request. Thread-safe.
 */
public interface ManagedProvidedServices extends ProvidedServices {
    /** Adds the service or replaces its backend and OpenAPI document. */
    void put(ServiceDescription description);

    /** Stops providing the service; true if it was provided. Its access rights stay (revoke them). */
    boolean remove(ServiceId service);

    /** Every provided service, sorted by service identifier. */
    List<ServiceDescription> list();
}
