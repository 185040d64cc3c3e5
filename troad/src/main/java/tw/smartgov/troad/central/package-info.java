/**
 * The T-Road central server: the registry of members, subsystems, services and security servers,
 * automatic certificates for security servers, the signed global configuration and the service
 * catalog. It is never on the data path.
 */
@NullMarked
package tw.smartgov.troad.central;

import org.jspecify.annotations.NullMarked;
