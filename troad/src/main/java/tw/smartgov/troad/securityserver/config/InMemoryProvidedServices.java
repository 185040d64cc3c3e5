package tw.smartgov.troad.securityserver.config;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/** Provided services held in memory: for tests and the dev demo. Thread-safe. */
public final class InMemoryProvidedServices implements ManagedProvidedServices {
    private final ConcurrentHashMap<ServiceId, ServiceDescription> services = new ConcurrentHashMap<>();

    @Override
    public Optional<URI> backend(ServiceId service) {
        return description(service).map(ServiceDescription::backend);
    }

    @Override
    public Optional<ServiceDescription> description(ServiceId service) {
        return Optional.ofNullable(services.get(service));
    }

    @Override
    public List<ServiceDescription> servicesOf(SubsystemId provider) {
        return list().stream()
                .filter(d -> d.service().provider().equals(provider))
                .toList();
    }

    @Override
    public void put(ServiceDescription description) {
        services.put(description.service(), description);
    }

    @Override
    public boolean remove(ServiceId service) {
        return services.remove(service) != null;
    }

    @Override
    public List<ServiceDescription> list() {
        return services.values().stream()
                .sorted(Comparator.comparing(d -> d.service().encoded()))
                .toList();
    }
}
