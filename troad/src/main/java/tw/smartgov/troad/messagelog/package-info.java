/**
 * The security server's durable, tamper-evident message log: every request/response record is an
 * entry of a transparency log (one per security server), time-stamped in batches through the
 * log's signed tree heads, and exportable as offline-verifiable evidence.
 *
 * <p>Public API: {@link tw.smartgov.troad.messagelog.MessageLogs} (creates the log of a security
 * server), {@link tw.smartgov.troad.messagelog.TransparencyMessageLog}, {@link
 * tw.smartgov.troad.messagelog.MessageEvidence}, {@link
 * tw.smartgov.troad.messagelog.MessageEvidenceVerifier} and {@link
 * tw.smartgov.troad.messagelog.MessageLogProperties}. Everything else is package-private.
 */
@NullMarked
package tw.smartgov.troad.messagelog;

import org.jspecify.annotations.NullMarked;
