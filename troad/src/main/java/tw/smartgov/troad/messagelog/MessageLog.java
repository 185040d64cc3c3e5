package tw.smartgov.troad.messagelog;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where a security server records every exchange it takes part in. The security server releases a
 * response only after the returned future completed normally; a failed (or, after the read
 * timeout, unfinished) future becomes the typed error {@code
 * Server.ServerProxy.MessageLogUnavailable} and the response is withheld. Implementations must
 * therefore complete the future only once the record is durable. Thread-safe.
 */
@FunctionalInterface
public interface MessageLog {
    CompletableFuture<Void> record(MessageRecord record);

    /**
     * Keeps the certificate chains (leaf first, without the root) of message signers, before any
     * record signed by them is recorded: records name their signers by certificate thumbprint only
     * ({@code x5t#S256}), and evidence exported from the log must carry the chains to verify on
     * its own. Called with this server's own chain at start and with its peers' whenever a new
     * global configuration is applied; it may be called again with chains already kept.
     *
     * @throws RuntimeException if they cannot be kept; the calls relying on them then fail
     */
    default void rememberSigners(Collection<List<X509Certificate>> chains) {
        // a log that exports no evidence needs no certificates
    }
}
