package tw.smartgov.troad.messagelog;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A message log in memory, completed at once: for tests and the dev demo only (not durable). */
public final class InMemoryMessageLog implements MessageLog {
    private final List<MessageRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> record(MessageRecord record) {
        records.add(record);
        return CompletableFuture.completedFuture(null);
    }

    /** What was recorded so far, oldest first. */
    public List<MessageRecord> records() {
        return List.copyOf(records);
    }

    public void clear() {
        records.clear();
    }
}
