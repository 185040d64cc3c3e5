/**
 * The common security module: keys and certificates, JWS signatures, RFC 3161 time-stamps and the
 * RFC 9162 transparency logs.
 *
 * <p>Its API is this package and the named interfaces {@code ca}, {@code keys}, {@code log},
 * {@code signature} and {@code timestamp} (their public types); every other package ({@code
 * merkle}, {@code log.journal}, {@code log.store}, {@code log.writer}) is internal to the module.
 * This package holds only what every feature package shares (errors, settings, schema
 * migrations, the module's wiring) and depends on none of them, so that they may all use it
 * without a package cycle; a feature package's own wiring stays in that package.
 */
@ApplicationModule(allowedDependencies = {}) // trust depends on no other SmartGov module
@NullMarked
package tw.smartgov.trust;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
