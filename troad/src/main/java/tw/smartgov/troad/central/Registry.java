package tw.smartgov.troad.central;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/** Registers members, subsystems and services; changes to the first two are published at once. */
@Service
class Registry {
    private final Members members;
    private final Subsystems subsystems;
    private final Services services;
    private final GlobalConfigurationPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    Registry(Members members, Subsystems subsystems, Services services, GlobalConfigurationPublisher publisher) {
        this.members = members;
        this.subsystems = subsystems;
        this.services = services;
        this.publisher = publisher;
    }

    Members.Member addMember(MemberId id, String name) {
        if (!members.insert(id, Checks.name(name, "name"), now())) {
            throw new CentralException(CentralError.ALREADY_REGISTERED, "member " + id + " is already registered");
        }
        publisher.publish();
        return member(id);
    }

    Members.Member member(MemberId id) {
        return members.find(id)
                .orElseThrow(
                        () -> new CentralException(CentralError.UNKNOWN_MEMBER, "no member " + id + " is registered"));
    }

    List<Members.Member> members() {
        return members.all();
    }

    SubsystemId addSubsystem(SubsystemId id) {
        member(id.member());
        if (!subsystems.insert(id, now())) {
            throw new CentralException(CentralError.ALREADY_REGISTERED, "subsystem " + id + " is already registered");
        }
        publisher.publish();
        return id;
    }

    void requireSubsystem(SubsystemId id) {
        if (!subsystems.exists(id)) {
            throw new CentralException(CentralError.UNKNOWN_SUBSYSTEM, "no subsystem " + id + " is registered");
        }
    }

    List<SubsystemId> subsystems() {
        return subsystems.all();
    }

    /** @return true if the service is new */
    boolean putService(ServiceId id, String document, String mediaType) {
        requireSubsystem(id.provider());
        return services.put(id, OpenApiDocuments.check(document, mediaType), now());
    }

    Services.Service service(ServiceId id) {
        return services.find(id).orElseThrow(() -> unknownService(id));
    }

    Services.Document document(ServiceId id) {
        return services.document(id).orElseThrow(() -> unknownService(id));
    }

    void deleteService(ServiceId id) {
        if (!services.delete(id)) {
            throw unknownService(id);
        }
    }

    List<Services.Service> services() {
        return services.all();
    }

    private static CentralException unknownService(ServiceId id) {
        return new CentralException(CentralError.UNKNOWN_SERVICE, "no service " + id + " is registered");
    }

    private Instant now() {
        return clock.instant();
    }
}
