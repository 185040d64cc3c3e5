/** The provider side of an exchange: the port other security servers call, which verifies, checks access rights, calls the backend or answers a metaservice, signs and logs. */
@NullMarked
package tw.smartgov.troad.securityserver.provider;

import org.jspecify.annotations.NullMarked;
