/**
 * T-Road, the secure and decentralised data exchange between agencies: identifiers, the global
 * configuration, the central server and the security server. Compatible with X-Road's REST
 * protocol r1 so that existing X-Road clients work unchanged.
 *
 * <p>API for other modules: this package, and the named interfaces {@code identifier} (typed
 * identifiers), {@code securityserver} (the start path {@link
 * tw.smartgov.troad.securityserver.SecurityServerNodes} and the running node), {@code
 * securityserver-config} (settings, provided services, access rights) and {@code messagelog}
 * (records and their offline verifiers). Every other package is internal.
 */
@ApplicationModule(allowedDependencies = {"trust", "trust :: *"}) // troad uses only trust
@NullMarked
package tw.smartgov.troad;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
