/**
 * A security server as a running node: enrolment with the central server (one-time token, CSRs),
 * the global configuration kept fresh, the CRL, certificate renewal, and the data path started
 * with all of it.
 */
@NullMarked
package tw.smartgov.troad.node;

import org.jspecify.annotations.NullMarked;
