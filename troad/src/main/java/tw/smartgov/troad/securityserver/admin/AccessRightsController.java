package tw.smartgov.troad.securityserver.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.troad.securityserver.config.AccessGrant;
import tw.smartgov.troad.securityserver.config.ManagedAccessRights;

/**
 * {@code /admin/troad/security-server/access-rights}: list, grant and revoke. Revoking is a POST
 * with the grant as JSON body, so that every call carries a non-form content type.
 */
@RestController
@Profile({SecurityServerAdminConfiguration.PROFILE, "dev"})
@RequestMapping("/admin/troad/security-server/access-rights")
class AccessRightsController {
    private final ManagedAccessRights rights;

    AccessRightsController(ManagedAccessRights rights) {
        this.rights = rights;
    }

    /** The JSON form of a grant; method and pathPrefix are null when unrestricted. */
    record GrantView(
            String client,
            String service,
            @Nullable String method,
            @Nullable String pathPrefix) {
        static GrantView of(AccessGrant g) {
            return new GrantView(g.client().encoded(), g.service().encoded(), g.method(), g.pathPrefix());
        }
    }

    @GetMapping
    Map<String, List<GrantView>> list() {
        return Map.of("accessRights", views(rights.list()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GrantView grant(@RequestBody Inputs.GrantBody body) {
        AccessGrant grant = Inputs.grant(body);
        rights.grant(grant);
        return GrantView.of(grant);
    }

    @PostMapping("/revoke")
    GrantView revoke(@RequestBody Inputs.GrantBody body) {
        AccessGrant grant = Inputs.grant(body);
        if (!rights.revoke(grant)) {
            throw new AdminException(
                    AdminError.ACCESS_RIGHT_NOT_FOUND,
                    "no such access right (method and path prefix must match exactly): " + grant);
        }
        return GrantView.of(grant);
    }

    static List<GrantView> views(List<AccessGrant> grants) {
        return grants.stream()
                .map(GrantView::of)
                .sorted(Comparator.comparing(GrantView::service).thenComparing(GrantView::client))
                .toList();
    }
}
