/** T-Road identifiers: {@code INSTANCE/CLASS/MEMBER[/SUBSYSTEM[/SERVICE]]} as typed, self-checking values. */
@NullMarked
package tw.smartgov.troad.identifier;

import org.jspecify.annotations.NullMarked;
