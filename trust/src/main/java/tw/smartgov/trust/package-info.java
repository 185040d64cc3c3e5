/**
 * The common security module: keys and certificates, JWS signatures, RFC 3161 time-stamps and
 * the RFC 9162 transparency log. Other modules use only the public types of this package and of
 * its feature packages ({@code ca}, {@code keys}, {@code signature}, {@code timestamp}, {@code
 * log}); anything under an {@code internal} package is private to the module.
 */
@NullMarked
package tw.smartgov.trust;

import org.jspecify.annotations.NullMarked;
