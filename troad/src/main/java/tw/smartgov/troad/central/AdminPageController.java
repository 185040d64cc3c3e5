package tw.smartgov.troad.central;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tw.smartgov.troad.identifier.InvalidIdentifierException;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.TrustException;

/**
 * The administrator's pages: the registry at a glance and forms to add, rename and remove members,
 * to add and remove subsystems, to register a service with its OpenAPI document (JSON or YAML) and
 * to create registration tokens. Forms post back to this page, which shows the outcome; a new
 * token is shown once, on that response only.
 */
@CentralRole
@Controller
class AdminPageController {
    private final Catalog catalog;
    private final SecurityServers servers;
    private final Registry registry;
    private final ServerRegistration registration;

    AdminPageController(Catalog catalog, SecurityServers servers, Registry registry, ServerRegistration registration) {
        this.catalog = catalog;
        this.servers = servers;
        this.registry = registry;
        this.registration = registration;
    }

    @GetMapping("/admin/troad")
    String page(Model model) {
        model.addAttribute("members", catalog.entries());
        model.addAttribute("servers", servers.all());
        model.addAttribute("services", registry.services());
        return "troad/admin";
    }

    @PostMapping("/admin/troad/forms/member")
    String addMember(@RequestParam String id, @RequestParam String name, Model model, HttpServletResponse response) {
        return done(
                model,
                response,
                () -> registry.addMember(MemberId.parse(id.strip()), name),
                "已新增成員 Member added: " + id.strip());
    }

    @PostMapping("/admin/troad/forms/subsystem")
    String addSubsystem(@RequestParam String id, Model model, HttpServletResponse response) {
        return done(
                model,
                response,
                () -> registry.addSubsystem(SubsystemId.parse(id.strip())),
                "已新增子系統 Subsystem added: " + id.strip());
    }

    @PostMapping("/admin/troad/forms/member/rename")
    String renameMember(@RequestParam String id, @RequestParam String name, Model model, HttpServletResponse response) {
        return done(
                model,
                response,
                () -> registry.renameMember(MemberId.parse(id.strip()), name),
                "已更名成員 Member renamed: " + id.strip());
    }

    @PostMapping("/admin/troad/forms/member/remove")
    String removeMember(@RequestParam String id, Model model, HttpServletResponse response) {
        return done(
                model,
                response,
                () -> registry.deleteMember(MemberId.parse(id.strip())),
                "已移除成員 Member removed: " + id.strip());
    }

    @PostMapping("/admin/troad/forms/subsystem/remove")
    String removeSubsystem(@RequestParam String id, Model model, HttpServletResponse response) {
        return done(
                model,
                response,
                () -> registry.deleteSubsystem(SubsystemId.parse(id.strip())),
                "已移除子系統 Subsystem removed: " + id.strip());
    }

    @PostMapping("/admin/troad/forms/service")
    String putService(
            @RequestParam String id, @RequestParam String openapi, Model model, HttpServletResponse response) {
        return outcome(model, response, () -> {
            var service = ServiceId.parse(id.strip());
            // a JSON document is an object; anything else is taken as YAML
            String mediaType = openapi.strip().startsWith("{") ? "application/json" : "application/yaml";
            boolean created = registry.putService(service, openapi, mediaType);
            return (created ? "已登錄服務 Service registered: " : "已更新服務 Service updated: ") + service;
        });
    }

    @PostMapping("/admin/troad/forms/token")
    String createToken(
            @RequestParam String owner,
            @RequestParam String code,
            @RequestParam String address,
            @RequestParam(defaultValue = "") String clients,
            Model model,
            HttpServletResponse response) {
        var list = Arrays.stream(clients.split("[\\s,]+"))
                .filter(s -> !s.isBlank())
                .toList();
        return outcome(model, response, () -> {
            var token = registration.createToken(
                    new TokenMessages.TokenRequest(owner.strip(), code.strip(), address, list));
            model.addAttribute("token", token);
            return "已建立註冊權杖 Registration token created for " + token.serverId();
        });
    }

    /** Runs {@code action} and shows {@code message}, or the error that kept it from being done. */
    private String done(Model model, HttpServletResponse response, Runnable action, String message) {
        return outcome(model, response, () -> {
            action.run();
            return message;
        });
    }

    private String outcome(Model model, HttpServletResponse response, Supplier<@Nullable String> action) {
        try {
            model.addAttribute("message", action.get());
        } catch (CentralException e) {
            response.setStatus(e.error().status().value());
            model.addAttribute("error", e.getMessage());
        } catch (InvalidIdentifierException | TrustException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }
}
