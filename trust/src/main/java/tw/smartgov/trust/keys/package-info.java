/** Key pairs generated at first start and kept in a password-protected PKCS#12 keystore. */
@NamedInterface("keys")
@NullMarked
package tw.smartgov.trust.keys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
