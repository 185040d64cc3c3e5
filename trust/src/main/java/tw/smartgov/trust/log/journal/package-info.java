/**
 * Local journals of transparency logs: appends acknowledged after one flush to the node's disk,
 * copied into the database right after, and recovered from the journal after a crash.
 */
@NullMarked
package tw.smartgov.trust.log.journal;

import org.jspecify.annotations.NullMarked;
