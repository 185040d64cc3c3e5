/** The household register identity knows: who can sign in, by national identification number. */
@NullMarked
@NamedInterface("citizen")
package tw.smartgov.identity.citizen;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
