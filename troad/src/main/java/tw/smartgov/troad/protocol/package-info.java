/** The X-Road REST protocol r1 as T-Road speaks it: header names and typed errors. */
@NullMarked
package tw.smartgov.troad.protocol;

import org.jspecify.annotations.NullMarked;
