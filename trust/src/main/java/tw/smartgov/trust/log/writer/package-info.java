/** The writers of the transparency logs: one per log and process, committing queued appends in groups. */
@NullMarked
package tw.smartgov.trust.log.writer;

import org.jspecify.annotations.NullMarked;
