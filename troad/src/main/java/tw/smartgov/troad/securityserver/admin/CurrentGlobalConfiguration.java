package tw.smartgov.troad.securityserver.admin;

import java.util.Optional;
import tw.smartgov.troad.globalconf.GlobalConfiguration;

/**
 * The global configuration the security server currently uses, for its health (age, expiry).
 * Provided as a bean by the runtime wiring; optional.
 */
@FunctionalInterface
public interface CurrentGlobalConfiguration {
    /** The verified configuration in use; empty before the first one was fetched. */
    Optional<GlobalConfiguration> current();
}
