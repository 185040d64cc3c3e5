/**
 * A member's security server: its one start path ({@link
 * tw.smartgov.troad.securityserver.SecurityServerNodes}), the running node (enrolment with the
 * central server, the global configuration kept fresh, the CRL, certificate renewal) and its data
 * path, whose client side and provider side live in the subpackages.
 */
@NamedInterface("securityserver")
@NullMarked
package tw.smartgov.troad.securityserver;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
