package tw.smartgov.troad.securityserver.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfigurationException;

/**
 * {@code POST /admin/troad/security-server/global-configuration/refresh}: fetches, verifies and
 * applies the central server's global configuration now, instead of at the next poll (after
 * registering a member or a server, say). Answers {@code applied} (whether a new version was
 * applied), {@code version} and {@code expiresAt} of the configuration in use.
 */
@RestController
@Profile({SecurityServerAdminConfiguration.PROFILE, "dev"})
class GlobalConfigurationRefreshController {
    private final @Nullable GlobalConfigurationRefresh refresh;
    private final @Nullable CurrentGlobalConfiguration current;

    GlobalConfigurationRefreshController(
            ObjectProvider<GlobalConfigurationRefresh> refresh, ObjectProvider<CurrentGlobalConfiguration> current) {
        this.refresh = refresh.getIfAvailable();
        this.current = current.getIfAvailable();
    }

    @PostMapping("/admin/troad/security-server/global-configuration/refresh")
    Map<String, Object> refresh() {
        if (refresh == null) {
            throw new AdminException(
                    AdminError.NOT_POLLED, "this node does not poll a central server for its global configuration");
        }
        boolean applied;
        try {
            applied = refresh.refresh();
        } catch (GlobalConfigurationException e) {
            throw new AdminException(
                    e.reason() == GlobalConfigurationException.Reason.UNAVAILABLE
                            ? AdminError.CENTRAL_SERVER_UNAVAILABLE
                            : AdminError.CONFIGURATION_REFUSED,
                    "the global configuration was not applied (" + e.reason() + "): " + e.getMessage()
                            + "; the one in use stays");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applied", applied);
        GlobalConfiguration inUse = current == null ? null : current.current().orElse(null);
        if (inUse != null) {
            body.put("version", inUse.version());
            body.put("expiresAt", inUse.expiresAt().toString());
            body.put("expired", inUse.expiresAt().isBefore(Instant.now()));
        }
        return body;
    }
}
