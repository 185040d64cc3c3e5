/**
 * The security server's durable, tamper-evident message log: every request/response record is an
 * entry of a transparency log (one per security server), time-stamped in batches through the
 * log's signed tree heads, and exportable as offline-verifiable evidence.
 *
 * <p>Named interface {@code messagelog}: what a security server records ({@link
 * tw.smartgov.troad.messagelog.MessageLog}, {@link tw.smartgov.troad.messagelog.MessageRecord}),
 * {@link tw.smartgov.troad.messagelog.MessageLogs} (creates the log of a security server), {@link
 * tw.smartgov.troad.messagelog.TransparencyMessageLog}, {@link
 * tw.smartgov.troad.messagelog.MessageEvidence} with its offline verifiers {@link
 * tw.smartgov.troad.messagelog.MessageEvidenceVerifier} and {@link
 * tw.smartgov.troad.messagelog.MessageArchiveVerifier}, and {@link
 * tw.smartgov.troad.messagelog.MessageLogProperties}. Everything else is package-private.
 */
@NamedInterface("messagelog")
@NullMarked
package tw.smartgov.troad.messagelog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
