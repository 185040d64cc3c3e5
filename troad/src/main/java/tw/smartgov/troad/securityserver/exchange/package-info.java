/** What both sides of an exchange share: the request model, the protocol headers and signed header parts, message signing, bodies, deadlines, typed errors and metrics. */
@NullMarked
package tw.smartgov.troad.securityserver.exchange;

import org.jspecify.annotations.NullMarked;
