package tw.smartgov.trust.log.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.log.writer.LogAppender;

/**
 * The local journal of one log: its writer puts each batch of appends here, durably and in order,
 * before the database has them, so that an append is acknowledged after one local flush instead of
 * a database commit. The log's store thread then copies the batches into the database; after a
 * crash the next writer copies whatever the database is missing before it takes new appends.
 *
 * <p>The journal is a {@link JournalFolder} of segment files of {@link #segmentBytes} each, filled
 * with zeros when created, so that writing a batch into one (with {@code O_DSYNC}) changes no file
 * metadata: one flush of data per batch. Records are in the {@link RecordFormat}. Segments whose
 * records all reached the database are deleted. One thread writes; {@link #release} and {@link
 * #prepareSpare} may run on another.
 */
public final class LogJournal implements Closeable {
    public static final int DEFAULT_SEGMENT_BYTES = 16 << 20;

    private record FullSegment(Path path, long lastIndex) {}

    private final Path directory;
    private final int segmentBytes;
    private final JournalFolder.Locked lock;
    private final String owner;
    // Segments written to and full, oldest first; the store thread deletes them once stored.
    private final Deque<FullSegment> full = new ArrayDeque<>();
    private @Nullable Path current;
    private @Nullable FileChannel currentChannel;
    private long position;
    private long lastWritten = -1;
    private @Nullable Path spare;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);

    private LogJournal(Path directory, int segmentBytes, JournalFolder.Locked lock, String owner) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.lock = lock;
        this.owner = owner;
    }

    /**
     * Opens (creating it if needed) the journal in {@code directory}, taking its lock; fails with
     * {@link IllegalStateException} when another writer holds it.
     */
    public static LogJournal open(Path directory, int segmentBytes) throws IOException {
        if (segmentBytes < 2 * LogAppender.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("a journal segment must hold at least two of the largest entries");
        }
        Files.createDirectories(directory);
        JournalFolder.Locked lock = JournalFolder.lock(directory);
        try {
            return new LogJournal(directory, segmentBytes, lock, JournalFolder.owner(directory));
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** The id this journal's writer uses to claim its log in the database. */
    public String owner() {
        return owner;
    }

    /** Every readable record of every segment, by index; a gap between segments is the caller's to judge. */
    public List<JournalRecord> readAll() throws IOException {
        List<List<JournalRecord>> segments = new ArrayList<>();
        for (Path path : JournalFolder.segments(directory)) {
            List<JournalRecord> records = RecordFormat.read(path);
            if (!records.isEmpty()) {
                segments.add(records);
            }
        }
        segments.sort(Comparator.comparingLong(s -> s.getFirst().index()));
        return segments.stream().flatMap(List::stream).toList();
    }

    /**
     * Deletes every segment and starts an empty one whose first record will be {@code nextIndex}:
     * after recovery, once the database holds everything the old segments had.
     */
    public void startAt(long nextIndex) throws IOException {
        closeCurrent();
        current = null;
        synchronized (full) {
            full.clear();
        }
        JournalFolder.deleteSegments(directory, spare);
        lastWritten = nextIndex - 1;
        roll();
    }

    /**
     * Writes {@code records} (consecutive indexes following the last written) and returns once
     * they are durable. A failure leaves the journal unusable: what reached the disk is unknown.
     */
    public void write(List<JournalRecord> records) throws IOException {
        int i = 0;
        while (i < records.size()) {
            int start = i;
            i = fill(records, i);
            if (i > start) {
                flush();
                lastWritten = records.get(i - 1).index();
            }
            if (i < records.size()) {
                if (i == start && position == 0) {
                    throw new IllegalArgumentException(
                            "record " + records.get(i).index() + " exceeds a journal segment");
                }
                roll();
            }
        }
    }

    /** Puts records from {@code from} into the buffer while the current segment has room; returns the next. */
    private int fill(List<JournalRecord> records, int from) {
        buffer.clear();
        int i = from;
        while (i < records.size()) {
            JournalRecord record = records.get(i);
            if (record.index() != lastWritten + 1 + (i - from)) {
                throw new IllegalArgumentException("journal records out of sequence at " + record.index());
            }
            byte[] body = RecordFormat.body(record);
            int size = RecordFormat.HEADER_BYTES + body.length;
            // the zeros after the last record mark the end; keep a header's worth of them
            if (position + buffer.position() + size + RecordFormat.HEADER_BYTES > segmentBytes) {
                break;
            }
            ensureRoom(size);
            RecordFormat.put(buffer, record, body);
            i++;
        }
        return i;
    }

    private void flush() throws IOException {
        buffer.flip();
        FileChannel channel = currentChannel();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    /** Deletes the full segments whose records all have indexes below {@code storedSize}. */
    public void release(long storedSize) throws IOException {
        List<FullSegment> deletable = new ArrayList<>();
        synchronized (full) {
            while (!full.isEmpty() && full.peekFirst().lastIndex() < storedSize) {
                deletable.add(full.removeFirst());
            }
        }
        for (FullSegment segment : deletable) {
            Files.deleteIfExists(segment.path());
        }
    }

    /** Makes the next segment ahead of time, so that filling one does not stall a batch. */
    public void prepareSpare() throws IOException {
        synchronized (this) {
            if (spare != null) {
                return;
            }
        }
        Path made = JournalFolder.newSegment(directory, segmentBytes);
        synchronized (this) {
            spare = made;
        }
    }

    /** How many full segments wait to be released. */
    public int fullSegments() {
        synchronized (full) {
            return full.size();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeCurrent();
        } finally {
            lock.release();
        }
    }

    private void roll() throws IOException {
        Path path;
        synchronized (this) {
            path = spare;
            spare = null;
        }
        if (path == null) {
            path = JournalFolder.newSegment(directory, segmentBytes);
        }
        Path previous = current;
        closeCurrent();
        if (previous != null) {
            synchronized (full) {
                full.addLast(new FullSegment(previous, lastWritten));
            }
        }
        current = path;
        currentChannel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        position = 0;
    }

    private FileChannel currentChannel() {
        if (currentChannel == null) {
            throw new IllegalStateException("the journal in " + directory + " has not been started");
        }
        return currentChannel;
    }

    private void closeCurrent() throws IOException {
        if (currentChannel != null) {
            currentChannel.close();
            currentChannel = null;
        }
    }

    private void ensureRoom(int size) {
        if (buffer.remaining() < size) {
            ByteBuffer larger = ByteBuffer.allocateDirect(Math.max(buffer.capacity() * 2, buffer.position() + size));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
    }
}
