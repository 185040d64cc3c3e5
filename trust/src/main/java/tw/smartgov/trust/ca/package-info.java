/** The built-in certificate authority: root and issuing CA, issuance from CSRs, revocation (CRL). */
@NamedInterface("ca")
@NullMarked
package tw.smartgov.trust.ca;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
