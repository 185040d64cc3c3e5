package tw.smartgov.troad.securityserver.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tw.smartgov.troad.securityserver.config.AccessGrant;
import tw.smartgov.troad.securityserver.config.ManagedAccessRights;
import tw.smartgov.troad.securityserver.config.ManagedProvidedServices;

/**
 * The page {@code /admin/troad/security-server}: access rights and provided services with forms
 * to grant, revoke and add. Works without JavaScript: forms post back and the page shows the
 * outcome; input is checked by the same rules as the JSON API.
 */
@Controller
@Profile({SecurityServerAdminConfiguration.PROFILE, "dev"})
class SecurityServerPageController {
    private static final String PAGE = "/admin/troad/security-server";
    private final ManagedAccessRights rights;
    private final ManagedProvidedServices services;

    SecurityServerPageController(ManagedAccessRights rights, ManagedProvidedServices services) {
        this.rights = rights;
        this.services = services;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("grants", AccessRightsController.views(rights.list()));
        model.addAttribute("services", services.list());
        model.addAttribute("methods", Inputs.METHODS.stream().sorted().toList());
        return "troad/security-server";
    }

    @PostMapping(PAGE + "/forms/grant")
    String grant(
            @RequestParam String client,
            @RequestParam String service,
            @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "") String pathPrefix,
            Model model,
            HttpServletResponse response) {
        return outcome(model, response, () -> {
            AccessGrant grant = Inputs.grant(new Inputs.GrantBody(client, service, method, pathPrefix));
            rights.grant(grant);
            return "已授權 Access granted: " + grant.client() + " → " + grant.service();
        });
    }

    @PostMapping(PAGE + "/forms/revoke")
    String revoke(
            @RequestParam String client,
            @RequestParam String service,
            @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "") String pathPrefix,
            Model model,
            HttpServletResponse response) {
        return outcome(model, response, () -> {
            AccessGrant grant = Inputs.grant(new Inputs.GrantBody(client, service, method, pathPrefix));
            if (!rights.revoke(grant)) {
                throw new AdminException(AdminError.ACCESS_RIGHT_NOT_FOUND, "no such access right: " + grant);
            }
            return "已撤銷 Access revoked: " + grant.client() + " → " + grant.service();
        });
    }

    @PostMapping(PAGE + "/forms/service")
    String addService(
            @RequestParam String service,
            @RequestParam String backend,
            @RequestParam(defaultValue = "") String openapi,
            Model model,
            HttpServletResponse response) {
        return outcome(model, response, () -> {
            var description = Inputs.service(new Inputs.ServiceBody(service, backend, openapi));
            services.put(description);
            return "已儲存服務 Service saved: " + description.service();
        });
    }

    private String outcome(Model model, HttpServletResponse response, Supplier<String> action) {
        try {
            model.addAttribute("message", action.get());
        } catch (AdminException e) {
            response.setStatus(e.error().status().value());
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }
}
