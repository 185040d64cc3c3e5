/** Append-only Merkle-tree transparency logs with RFC 9162 proofs and signed tree heads, kept in the database. */
@NamedInterface("log")
@NullMarked
package tw.smartgov.trust.log;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
