package tw.smartgov.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import tw.smartgov.troad.securityserver.MessageLog;
import tw.smartgov.troad.securityserver.MessageRecord;
import tw.smartgov.trust.log.TransparencyLogs;

/**
 * STAND-IN for the durable message log ({@code tw.smartgov.troad.messagelog.TransparencyMessageLog},
 * being written elsewhere): appends each record's canonical bytes to one of trust's {@link
 * TransparencyLogs} on PostgreSQL, and completes the future only when the group commit that holds
 * the record is durable. No record table, no time-stamping of tree heads, no retrieval: just the
 * durable write that a security server waits for before it releases a response, which is what the
 * benchmark needs to measure. Swap it for the real log in {@link TRoadBenchNodes#messageLog}.
 *
 * <p>Canonical bytes: a version byte, then every field of the record in declaration order, strings
 * as modified-UTF-8 with a length ({@link DataOutputStream#writeUTF}, or a 4-byte length and UTF-8
 * for header parts, which may be long), byte arrays with a 4-byte length, numbers big-endian,
 * instants as epoch seconds and nanoseconds.
 */
final class BenchMessageLog implements MessageLog {
    private final TransparencyLogs logs;
    private final String logName;

    BenchMessageLog(TransparencyLogs logs, String logName) {
        this.logs = logs;
        this.logName = logName;
    }

    @Override
    public CompletableFuture<Void> record(MessageRecord record) {
        try {
            return logs.append(logName, canonical(record)).thenApply(index -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static byte[] canonical(MessageRecord record) {
        var bytes = new ByteArrayOutputStream(1024);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF(record.side().name());
            out.writeUTF(record.xRoadId());
            out.writeUTF(record.requestId());
            out.writeUTF(record.client().encoded());
            out.writeUTF(record.service().encoded());
            out.writeUTF(record.method());
            out.writeUTF(record.path());
            out.writeInt(record.status());
            write(out, record.request());
            write(out, record.response());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, MessageRecord.Message message) throws IOException {
        bytes(out, message.headerPart().getBytes(StandardCharsets.UTF_8));
        bytes(out, message.bodyDigest());
        bytes(out, message.digest());
        bytes(out, message.signature().getBytes(StandardCharsets.US_ASCII));
        out.writeLong(message.size());
        byte[] body = message.body();
        bytes(out, body == null ? new byte[0] : body);
        out.writeLong(message.at().getEpochSecond());
        out.writeInt(message.at().getNano());
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
