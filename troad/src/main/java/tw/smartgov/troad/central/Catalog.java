package tw.smartgov.troad.central;

import java.util.List;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.identifier.SubsystemId;

/** The registry arranged for people: members, their subsystems, and each subsystem's services. */
@CentralRole
@Component
class Catalog {
    record Entry(String id, String name, List<SubsystemEntry> subsystems) {}

    record SubsystemEntry(String id, String code, List<Services.Service> services) {}

    private final Registry registry;

    Catalog(Registry registry) {
        this.registry = registry;
    }

    List<Entry> entries() {
        List<SubsystemId> subsystems = registry.subsystems();
        List<Services.Service> services = registry.services();
        return registry.members().stream()
                .map(m -> new Entry(
                        m.id().encoded(),
                        m.name(),
                        subsystems.stream()
                                .filter(s -> s.member().equals(m.id()))
                                .map(s -> new SubsystemEntry(
                                        s.encoded(),
                                        s.subsystemCode(),
                                        services.stream()
                                                .filter(v -> v.id().provider().equals(s))
                                                .toList()))
                                .toList()))
                .toList();
    }
}
