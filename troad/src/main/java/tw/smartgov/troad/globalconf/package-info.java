/**
 * The global configuration: the signed document in which the central server tells every security
 * server who the members are, where their security servers live, which certificates to pin and
 * which CAs and TSAs to trust.
 */
@NullMarked
package tw.smartgov.troad.globalconf;

import org.jspecify.annotations.NullMarked;
