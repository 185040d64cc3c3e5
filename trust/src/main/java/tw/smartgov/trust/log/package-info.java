/** Append-only Merkle-tree transparency logs with RFC 9162 hashing and proofs, kept in the database. */
@NullMarked
package tw.smartgov.trust.log;

import org.jspecify.annotations.NullMarked;
