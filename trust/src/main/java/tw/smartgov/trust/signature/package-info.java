/**
 * ES256 JSON Web Signatures (RFC 7515), compact and with a detached payload, carrying the signer's
 * certificate chain in {@code x5c}; JSON documents are signed over their RFC 8785 canonical bytes.
 */
@NullMarked
package tw.smartgov.trust.signature;

import org.jspecify.annotations.NullMarked;
