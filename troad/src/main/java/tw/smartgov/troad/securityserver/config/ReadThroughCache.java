package tw.smartgov.troad.securityserver.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Remembers what a table said about a key for a short while, so that the data path does not query
 * the database for every request. Changes made through this node clear it at once ({@link
 * #clear()}, after the change is written): a read that began before the clear is not remembered,
 * so it cannot bring the old value back. Changes made by another node sharing the database apply
 * within {@code freshFor}.
 * Thread-safe; bounded by clearing itself when it holds {@link #MAX_ENTRIES}.
 */
final class ReadThroughCache<K, V> {
    static final Duration DEFAULT_FRESHNESS = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, Instant readAt) {}

    private final Function<K, V> source;
    private final Duration freshFor;
    private final Clock clock;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    ReadThroughCache(Function<K, V> source, Duration freshFor, Clock clock) {
        this.source = source;
        this.freshFor = freshFor;
        this.clock = clock;
    }

    V get(K key) {
        Instant now = clock.instant();
        Entry<V> known = entries.get(key);
        if (known != null && now.isBefore(known.readAt().plus(freshFor))) {
            return known.value();
        }
        long readIn = generation.get();
        V value = source.apply(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now));
        if (generation.get() != readIn) {
            entries.remove(key); // cleared while reading: the value may predate the change
        }
        return value;
    }

    /** Forgets everything: the next read of every key goes to the source. */
    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
