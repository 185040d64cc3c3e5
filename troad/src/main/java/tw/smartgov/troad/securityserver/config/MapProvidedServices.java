package tw.smartgov.troad.securityserver.config;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/** {@link ProvidedServices} over a map of backends (no OpenAPI documents); see its factories. */
final class MapProvidedServices implements ProvidedServices {
    private final Map<ServiceId, URI> backends;

    MapProvidedServices(Map<ServiceId, URI> backends) {
        this.backends = backends;
    }

    @Override
    public Optional<URI> backend(ServiceId service) {
        return Optional.ofNullable(backends.get(service));
    }

    @Override
    public List<ServiceDescription> servicesOf(SubsystemId provider) {
        return backends.entrySet().stream()
                .filter(e -> e.getKey().provider().equals(provider))
                .map(e -> new ServiceDescription(e.getKey(), e.getValue(), null))
                .sorted(Comparator.comparing(d -> d.service().serviceCode()))
                .toList();
    }
}
