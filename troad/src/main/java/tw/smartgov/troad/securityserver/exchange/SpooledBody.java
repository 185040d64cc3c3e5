package tw.smartgov.troad.securityserver.exchange;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.PathRequestContent;
import org.eclipse.jetty.client.Request;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.messagelog.MessageRecord;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;

/**
 * A body read completely, with its SHA-512. Held in memory up to {@link #MEMORY_LIMIT}, in a
 * temporary file above, so memory stays bounded: the body has to be read to the end before it is
 * passed on because its digest is signed and the signature travels in the headers.
 */
public final class SpooledBody implements AutoCloseable {
    public static final int MEMORY_LIMIT = 1 << 20;
    private static final int CHUNK = 64 * 1024;
    // The first read of a body of unknown length: a GET has none, and a full chunk allocated (and
    // zeroed) for it was about a tenth of the memory a security server allocated per exchange.
    static final int FIRST_CHUNK_OF_UNKNOWN_LENGTH = 4 * 1024;

    private final byte @Nullable [] memory;
    private final @Nullable Path file;
    private final long size;
    private final byte[] digest;

    private SpooledBody(byte @Nullable [] memory, @Nullable Path file, long size, byte[] digest) {
        this.memory = memory;
        this.file = file;
        this.size = size;
        this.digest = digest;
    }

    /** The body of a request received by Jetty, read completely; its Content-Length sizes the buffers. */
    public static SpooledBody of(org.eclipse.jetty.server.Request request, long maxSize) throws IOException {
        return read(
                org.eclipse.jetty.io.Content.Source.asInputStream(request),
                request.getLength(),
                maxSize,
                XRoadErrorType.BAD_REQUEST);
    }

    public static SpooledBody empty() {
        return new SpooledBody(new byte[0], null, 0, sha512().digest());
    }

    /**
     * Reads {@code in} to the end (without closing it).
     *
     * @throws XRoadException {@code tooLarge} if the body exceeds {@code maxSize}
     */
    public static SpooledBody read(InputStream in, long maxSize, XRoadErrorType tooLarge) throws IOException {
        return read(in, -1, maxSize, tooLarge);
    }

    /**
     * Like {@link #read(InputStream, long, XRoadErrorType)}, with the announced length ({@code
     * Content-Length}, or -1 if unknown) sizing the buffers: most bodies are small, and allocating
     * (and zeroing) a full chunk for each would cost more than reading them.
     */
    public static SpooledBody read(InputStream in, long expectedLength, long maxSize, XRoadErrorType tooLarge)
            throws IOException {
        boolean small = expectedLength >= 0 && expectedLength < CHUNK;
        MessageDigest md = sha512();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(small ? (int) expectedLength : 256);
        OutputStream out = buffer;
        Path path = null;
        long total = 0;
        // one more byte than announced, so that the end of the body comes with the first read
        byte[] chunk =
                new byte[small ? (int) expectedLength + 1 : expectedLength < 0 ? FIRST_CHUNK_OF_UNKNOWN_LENGTH : CHUNK];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                total += n;
                if (total > maxSize) {
                    throw new XRoadException(tooLarge, "the body is larger than " + maxSize + " bytes");
                }
                md.update(chunk, 0, n);
                if (path == null && buffer.size() + n > MEMORY_LIMIT) {
                    path = Files.createTempFile("troad-body-", ".tmp");
                    out = new BufferedOutputStream(Files.newOutputStream(path), CHUNK);
                    buffer.writeTo(out);
                    buffer = new ByteArrayOutputStream(0);
                }
                out.write(chunk, 0, n);
                if (n == chunk.length && n < CHUNK) {
                    chunk = new byte[CHUNK]; // the body is longer than the first read bet on
                }
            }
            out.close();
            return new SpooledBody(path == null ? buffer.toByteArray() : null, path, total, md.digest());
        } catch (IOException | RuntimeException e) {
            out.close();
            if (path != null) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
    }

    /**
     * Reads exactly {@code length} bytes of {@code in}, not waiting for its end.
     *
     * @throws IOException if {@code in} ends before
     * @throws XRoadException {@code tooLarge} if {@code length} exceeds {@code maxSize}
     */
    public static SpooledBody readExactly(InputStream in, long length, long maxSize, XRoadErrorType tooLarge)
            throws IOException {
        if (length > maxSize) {
            throw new XRoadException(tooLarge, "the body is larger than " + maxSize + " bytes");
        }
        var limited = new FilterInputStream(in) {
            long left = length;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("the body ended " + left + " bytes before its announced length");
                }
                left -= n;
                return n;
            }
        };
        return read(limited, length, maxSize, tooLarge);
    }

    public long size() {
        return size;
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** The bytes, only when small enough to keep in a log record. */
    public byte @Nullable [] smallBytes() {
        return memory != null && memory.length <= MessageRecord.Message.SMALL_BODY ? memory.clone() : null;
    }

    /** The bytes, not copied, when they are held in memory; never to be modified. */
    public byte @Nullable [] memory() {
        return memory;
    }

    /** The temporary file holding the bytes, when they are too many for memory; deleted by {@link #close()}. */
    public @Nullable Path file() {
        return file;
    }

    public InputStream open() throws IOException {
        return memory != null ? new ByteArrayInputStream(memory) : Files.newInputStream(file);
    }

    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = open()) {
            in.transferTo(out);
        }
    }

    /** The body as Jetty client content; no content type, so Jetty adds no header of its own. */
    public Request.@Nullable Content content() throws IOException {
        if (size == 0) {
            return null;
        }
        return memory != null ? new BytesRequestContent((String) null, memory) : new PathRequestContent(null, file);
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is harmless; the temp folder is cleaned by the OS
            }
        }
    }

    public static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }
}
