/**
 * Sign-in with a citizen certificate (level HIGH): cards issued by trust's CA, a challenge bound to
 * the session, and the card's signature over it, checked with chain and revocation at every
 * sign-in. {@link tw.smartgov.identity.certificate.CitizenCards} and {@link
 * tw.smartgov.identity.certificate.CardResponse} are the module's API for the dev demo and the
 * {@code smartgov card} command.
 */
@NullMarked
@NamedInterface("certificate")
package tw.smartgov.identity.certificate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
