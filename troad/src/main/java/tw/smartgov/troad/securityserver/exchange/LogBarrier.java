package tw.smartgov.troad.securityserver.exchange;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/** No response is released before its message log record is durable. */
public final class LogBarrier {
    private LogBarrier() {}

    /**
     * Waits until {@code logged}, a log record being committed, is durable; without a timeout of its
     * own, so {@code logged} must be bounded ({@link Deadlines#bound}).
     *
     * @throws XRoadException {@code Server.ServerProxy.MessageLogUnavailable} if it failed or timed out
     */
    public static void await(CompletableFuture<Void> logged) {
        try {
            logged.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static XRoadException unavailable(Exception e) {
        return new XRoadException(
                XRoadErrorType.MESSAGE_LOG_UNAVAILABLE, "the message log did not confirm the record", null, e);
    }
}
