/**
 * What a security server's owner configures: its settings, the services it provides and who may
 * call them (deny by default).
 */
@NamedInterface("securityserver-config")
@NullMarked
package tw.smartgov.troad.securityserver.config;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
