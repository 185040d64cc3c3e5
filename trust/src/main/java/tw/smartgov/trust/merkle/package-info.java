/**
 * RFC 9162 Merkle tree maths shared by the transparency logs and the batch signatures: hashing,
 * a tree's right edge, batch trees, and checking audit and consistency paths. Depends on no other
 * package of the module but its root.
 */
@NullMarked
package tw.smartgov.trust.merkle;

import org.jspecify.annotations.NullMarked;
