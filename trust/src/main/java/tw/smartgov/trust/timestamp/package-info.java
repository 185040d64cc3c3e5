/** RFC 3161 time-stamping: the built-in TSA and its HTTP endpoint, a client for any TSA, and offline verification. */
@NamedInterface("timestamp")
@NullMarked
package tw.smartgov.trust.timestamp;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
