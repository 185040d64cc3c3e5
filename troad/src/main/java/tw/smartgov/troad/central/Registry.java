package tw.smartgov.troad.central;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * Registers members, subsystems and services; changes to the first two are published at once.
 * Members and subsystems are removed only when nothing refers to them any more (STILL_IN_USE).
 */
@CentralRole
@Service
class Registry {
    private final Members members;
    private final Subsystems subsystems;
    private final Services services;
    private final GlobalConfigurationPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    Registry(
            Members members,
            Subsystems subsystems,
            Services services,
            GlobalConfigurationPublisher publisher,
            TransactionTemplate transaction) {
        this.members = members;
        this.subsystems = subsystems;
        this.services = services;
        this.publisher = publisher;
        this.transaction = transaction;
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

    /** Gives a member a new name and publishes the configuration with it. */
    void renameMember(MemberId id, String name) {
        if (!members.rename(id, name)) {
            throw new CentralException(CentralError.UNKNOWN_MEMBER, "no member " + id + " is registered");
        }
        publisher.publish();
    }

    /**
     * Removes a member without subsystems or security servers (with its registration
     * tokens) and publishes the configuration without it.
     */
    void deleteMember(MemberId id) {
        member(id);
        remove(
                () -> members.delete(id),
                "member " + id + " still has subsystems or security servers: remove those first");
    }

    /**
     * Removes a subsystem that provides no registered service and is no security server's client,
     * and publishes the configuration without it.
     */
    void deleteSubsystem(SubsystemId id) {
        requireSubsystem(id);
        remove(
                () -> subsystems.delete(id),
                "subsystem " + id + " still has registered services or is a client of a security server:"
                        + " remove those first");
    }

    // The foreign keys decide what is still referred to, also against a concurrent registration.
    private void remove(Runnable delete, String inUse) {
        try {
            transaction.executeWithoutResult(status -> delete.run());
        } catch (DataIntegrityViolationException e) {
            throw new CentralException(CentralError.STILL_IN_USE, inUse);
        }
        publisher.publish();
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
