package tw.smartgov.troad.central;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/**
 * The JSON management API of the registry. Identifiers contain '/', so single items are addressed
 * by a catch-all path: {@code /admin/troad/members/TW/GOV/MOI}, {@code
 * /admin/troad/services/TW/GOV/MOI/household/person-record}.
 */
@CentralRole
@RestController
@RequestMapping(path = "/admin/troad", produces = MediaType.APPLICATION_JSON_VALUE)
class RegistryController {
    record MemberRequest(@Nullable String id, @Nullable String name) {}

    record SubsystemRequest(@Nullable String id) {}

    record MemberView(MemberId id, String name, List<String> subsystems) {}

    private final Registry registry;

    RegistryController(Registry registry) {
        this.registry = registry;
    }

    @PostMapping(path = "/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MemberView> addMember(@RequestBody MemberRequest request) {
        var id = MemberId.parse(Checks.required(request.id(), "id"));
        registry.addMember(id, Checks.name(request.name(), "name"));
        return ResponseEntity.created(URI.create("/admin/troad/members/" + id.encoded()))
                .body(view(id));
    }

    @GetMapping("/members")
    List<MemberView> members() {
        return registry.members().stream().map(m -> view(m.id())).toList();
    }

    @GetMapping("/members/{*id}")
    MemberView member(@PathVariable String id) {
        return view(MemberId.parse(strip(id)));
    }

    @PostMapping(path = "/subsystems", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubsystemId> addSubsystem(@RequestBody SubsystemRequest request) {
        var id = registry.addSubsystem(SubsystemId.parse(Checks.required(request.id(), "id")));
        return ResponseEntity.created(
                        URI.create("/admin/troad/members/" + id.member().encoded()))
                .body(id);
    }

    /** Renames a member: {@code {"name"}}; its id, which everything refers to, stays. */
    @PutMapping(path = "/members/{*id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MemberView renameMember(@PathVariable String id, @RequestBody MemberRequest request) {
        var member = MemberId.parse(strip(id));
        if (request.id() != null && !MemberId.parse(request.id()).equals(member)) {
            throw new CentralException(
                    CentralError.INVALID_REQUEST, "a member's id cannot change; remove it and register the new one");
        }
        registry.renameMember(member, Checks.name(request.name(), "name"));
        return view(member);
    }

    @DeleteMapping("/members/{*id}")
    ResponseEntity<Void> deleteMember(@PathVariable String id) {
        registry.deleteMember(MemberId.parse(strip(id)));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/subsystems/{*id}")
    ResponseEntity<Void> deleteSubsystem(@PathVariable String id) {
        registry.deleteSubsystem(SubsystemId.parse(strip(id)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/subsystems")
    List<SubsystemId> subsystems() {
        return registry.subsystems();
    }

    @PutMapping(
            path = "/services/{*id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml"})
    ResponseEntity<Services.Service> putService(
            @PathVariable String id,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody String document) {
        var serviceId = ServiceId.parse(strip(id));
        String mediaType = MediaType.parseMediaType(contentType).getSubtype().contains("yaml")
                ? "application/yaml"
                : MediaType.APPLICATION_JSON_VALUE;
        boolean created = registry.putService(serviceId, document, mediaType);
        return ResponseEntity.status(created ? 201 : 200).body(registry.service(serviceId));
    }

    @GetMapping("/services")
    List<Services.Service> services() {
        return registry.services();
    }

    @GetMapping("/services/{*id}")
    Services.Service service(@PathVariable String id) {
        return registry.service(ServiceId.parse(strip(id)));
    }

    @DeleteMapping("/services/{*id}")
    ResponseEntity<Void> deleteService(@PathVariable String id) {
        registry.deleteService(ServiceId.parse(strip(id)));
        return ResponseEntity.noContent().build();
    }

    private MemberView view(MemberId id) {
        var member = registry.member(id);
        var subsystems = registry.subsystems().stream()
                .filter(s -> s.member().equals(id))
                .map(SubsystemId::subsystemCode)
                .toList();
        return new MemberView(member.id(), member.name(), subsystems);
    }

    /** A catch-all path variable starts with '/'. */
    static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
