package tw.smartgov.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Rows in PostgreSQL's binary COPY format, written to memory one chunk at a time. */
final class PgBinaryCopy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private final DataOutputStream out = new DataOutputStream(bytes);

    static byte[] header() {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(SIGNATURE);
        header.writeBytes(new byte[8]); // flags, then the length of the header extension
        return header.toByteArray();
    }

    static byte[] trailer() {
        return new byte[] {(byte) 0xff, (byte) 0xff};
    }

    PgBinaryCopy row(int fields) {
        return write(() -> out.writeShort(fields));
    }

    PgBinaryCopy text(String value) {
        return bytea(value.getBytes(StandardCharsets.UTF_8));
    }

    PgBinaryCopy int8(long value) {
        return write(() -> {
            out.writeInt(8);
            out.writeLong(value);
        });
    }

    PgBinaryCopy int2(int value) {
        return write(() -> {
            out.writeInt(2);
            out.writeShort(value);
        });
    }

    PgBinaryCopy bytea(byte[] value) {
        return write(() -> {
            out.writeInt(value.length);
            out.write(value);
        });
    }

    PgBinaryCopy timestamptz(Instant value) {
        return int8(Duration.between(POSTGRES_EPOCH, value).toNanos() / 1000);
    }

    int size() {
        return bytes.size();
    }

    /** The rows written since the last call. */
    byte[] take() {
        byte[] chunk = bytes.toByteArray();
        bytes.reset();
        return chunk;
    }

    private PgBinaryCopy write(IoAction action) {
        try {
            action.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
