/**
 * The OpenID Connect provider (Spring Security's authorization server): its endpoints and their
 * security chain, the ES256 signing key, pairwise subjects, acr/amr, level enforcement, userinfo
 * and the consent page.
 */
@NullMarked
package tw.smartgov.identity.oidc;

import org.jspecify.annotations.NullMarked;
