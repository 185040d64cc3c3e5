/** T-Road identifiers: {@code INSTANCE/CLASS/MEMBER[/SUBSYSTEM[/SERVICE]]} as typed, self-checking values. */
@NamedInterface("identifier")
@NullMarked
package tw.smartgov.troad.identifier;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
