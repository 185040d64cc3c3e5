/**
 * T-Road, the secure and decentralised data exchange between agencies: identifiers, the global
 * configuration, the central server and the security server. Compatible with X-Road's REST
 * protocol r1 so that existing X-Road clients work unchanged.
 */
@NullMarked
package tw.smartgov.troad;

import org.jspecify.annotations.NullMarked;
