/** ES256 JSON Web Signatures (RFC 7515) with their certificate chains, one by one or in Merkle batches. */
@NamedInterface("signature")
@NullMarked
package tw.smartgov.trust.signature;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
