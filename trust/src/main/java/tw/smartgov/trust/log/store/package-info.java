/** The SQL of the transparency logs' tables, on connections whose transactions the callers manage. */
@NullMarked
package tw.smartgov.trust.log.store;

import org.jspecify.annotations.NullMarked;
