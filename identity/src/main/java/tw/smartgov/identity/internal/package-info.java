/** Infrastructure shared by the identity module's feature packages; not part of its API. */
@NullMarked
package tw.smartgov.identity.internal;

import org.jspecify.annotations.NullMarked;
