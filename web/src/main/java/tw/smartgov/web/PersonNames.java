package tw.smartgov.web;

import java.security.Principal;
import java.util.Optional;

/**
 * How the layout names the signed-in person. A module that signs people in provides one as a bean
 * when its principal's name is an identifier rather than something a person recognises; without
 * one (or when none knows the principal), the layout shows the principal's name.
 */
@FunctionalInterface
public interface PersonNames {
    /** The name to show for {@code principal}, or empty if this source does not know it. */
    Optional<String> nameOf(Principal principal);
}
