package tw.smartgov.troad.securityserver.admin;

/**
 * Fetches the central server's global configuration now instead of at the next poll. Provided as
 * a bean by the runtime wiring; without it, the management API answers 404 to a refresh.
 */
@FunctionalInterface
public interface GlobalConfigurationRefresh {
    /**
     * @return true if a new configuration was verified and applied, false if the published one is
     *     the one in use
     * @throws tw.smartgov.troad.globalconf.GlobalConfigurationException if it could not be fetched
     *     or was refused (the one in use stays)
     */
    boolean refresh();
}
