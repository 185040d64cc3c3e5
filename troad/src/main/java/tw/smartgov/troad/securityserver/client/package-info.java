/** The client side of an exchange: the port the owner's information systems call, which signs, forwards, verifies and logs. */
@NullMarked
package tw.smartgov.troad.securityserver.client;

import org.jspecify.annotations.NullMarked;
