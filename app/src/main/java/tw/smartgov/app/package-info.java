/** The {@code smartgov} executable: roles, command line, wiring and the dev demo. */
@NullMarked
package tw.smartgov.app;

import org.jspecify.annotations.NullMarked;
