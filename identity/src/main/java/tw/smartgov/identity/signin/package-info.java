/**
 * What a sign-in leaves in the session, whatever the method: the account, the level of assurance
 * reached, the methods used and when; and the security rules of the sign-in pages.
 */
@NullMarked
package tw.smartgov.identity.signin;

import org.jspecify.annotations.NullMarked;
