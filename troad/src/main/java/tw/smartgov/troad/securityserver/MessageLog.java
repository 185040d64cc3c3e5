package tw.smartgov.troad.securityserver;

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
}
