package tw.smartgov.troad.securityserver.admin;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.securityserver.config.ManagedProvidedServices;
import tw.smartgov.troad.securityserver.config.ServiceDescription;

/** {@code /admin/troad/security-server/services}: list, put (add or replace) and remove. */
@RestController
@Profile({SecurityServerAdminConfiguration.PROFILE, "dev"})
@RequestMapping("/admin/troad/security-server/services")
class ProvidedServicesController {
    private final ManagedProvidedServices services;

    ProvidedServicesController(ManagedProvidedServices services) {
        this.services = services;
    }

    /** The JSON form of a service; the document itself only with {@code ?service=}. */
    record ServiceView(
            String service,
            String backend,
            String serviceType,
            @Nullable String openapi) {
        static ServiceView of(ServiceDescription d, boolean withDocument) {
            return new ServiceView(
                    d.service().encoded(), d.backend().toString(), d.serviceType(), withDocument ? d.openApi() : null);
        }
    }

    @GetMapping
    Object list(@RequestParam(required = false) @Nullable String service) {
        if (service != null) {
            return ServiceView.of(find(Inputs.service(service)), true);
        }
        List<ServiceView> all =
                services.list().stream().map(d -> ServiceView.of(d, false)).toList();
        return Map.of("services", all);
    }

    @PutMapping
    ServiceView put(@RequestBody Inputs.ServiceBody body) {
        ServiceDescription description = Inputs.service(body);
        services.put(description);
        return ServiceView.of(description, false);
    }

    /** The body names the service: {@code {"service":"TW/GOV/MOI/household/person-record"}}. */
    @PostMapping("/remove")
    ServiceView remove(@RequestBody Inputs.ServiceBody body) {
        if (body.service() == null || body.service().isBlank()) {
            throw new AdminException(AdminError.INVALID_REQUEST, "service is required");
        }
        ServiceDescription existing = find(Inputs.service(body.service()));
        services.remove(existing.service());
        return ServiceView.of(existing, false);
    }

    private ServiceDescription find(ServiceId service) {
        return services.description(service)
                .orElseThrow(() ->
                        new AdminException(AdminError.SERVICE_NOT_FOUND, "this server does not provide " + service));
    }
}
