/**
 * Registration of a security server with the central server: the messages both sides exchange and
 * the client a security server uses to get and renew its certificates.
 */
@NullMarked
package tw.smartgov.troad.registration;

import org.jspecify.annotations.NullMarked;
