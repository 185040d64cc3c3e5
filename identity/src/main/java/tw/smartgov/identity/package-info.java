/**
 * SmartGov's national sign-in: an OpenID Connect provider for every government service and
 * outside relying party, with citizen certificates, passkeys and levels of assurance. Other modules
 * use the value types of this package ({@link tw.smartgov.identity.NationalId}, {@link
 * tw.smartgov.identity.LevelOfAssurance}) and the named interfaces {@code citizen} and {@code
 * certificate}; everything else is internal to the module.
 */
@ApplicationModule(allowedDependencies = {"trust", "trust :: *", "web"}) // trust, and web for its pages
@NullMarked
package tw.smartgov.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
