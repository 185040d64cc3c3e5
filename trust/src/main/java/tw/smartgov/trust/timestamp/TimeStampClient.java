package tw.smartgov.trust.timestamp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * A {@link TimeStamper} for any RFC 3161 TSA reachable over HTTP (RFC 3161 §3.4): POSTs an {@code
 * application/timestamp-query} and reads an {@code application/timestamp-reply}.
 *
 * <p>Contract: each call fails with {@code TSA_UNAVAILABLE} within about connectTimeout +
 * readTimeout when the TSA is down, slow, or answers with an HTTP error; with {@code
 * TIMESTAMP_INVALID} naming the TSA's status string when it rejects the request, or when the token
 * fails a check (nonce, imprint, signature, chain to the verifier's trust anchor). Thread-safe;
 * {@link #close()} releases the HTTP client.
 */
public final class TimeStampClient implements TimeStamper, AutoCloseable {
    /** Default connect and read timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final long MAX_REPLY_BYTES = 1 << 20;

    private final URI url;
    private final TimeStampVerifier verifier;
    private final Duration readTimeout;
    private final Duration deadline;
    private final HttpClient http;

    /** A client with {@link #DEFAULT_TIMEOUT} for both connecting and reading. */
    public TimeStampClient(URI url, TimeStampVerifier verifier) {
        this(url, verifier, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    /**
     * @param url the TSA's HTTP endpoint
     * @param verifier checks the tokens; anchored at the TSA's root CA or certificate
     * @param connectTimeout the longest wait for a TCP connection
     * @param readTimeout the longest wait for the whole reply once connected
     */
    public TimeStampClient(URI url, TimeStampVerifier verifier, Duration connectTimeout, Duration readTimeout) {
        this.url = url;
        this.verifier = verifier;
        this.readTimeout = readTimeout;
        this.deadline = connectTimeout.plus(readTimeout);
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public TimeStamp stamp(byte[] digest, String hashAlgorithm) {
        var exchange = new TimeStampExchange(digest, hashAlgorithm);
        byte[] reply = post(exchange.requestBytes());
        return exchange.accept(reply, "the TSA at " + url, verifier);
    }

    private byte[] post(byte[] query) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query))
                .build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() != 200) {
            throw unavailable("answered HTTP " + response.statusCode(), null);
        }
        return response.body();
    }

    // The request timeout only bounds the wait for the headers; the overall deadline also bounds a
    // body that trickles in, so a slow TSA can never hold the caller longer than promised.
    private HttpResponse<byte[]> send(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(
                request, HttpResponse.BodyHandlers.limiting(HttpResponse.BodyHandlers.ofByteArray(), MAX_REPLY_BYTES));
        try {
            return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw unavailable("did not answer within " + deadline.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw unavailable("could not be reached (" + e.getCause() + ")", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw unavailable("was interrupted while waiting", e);
        }
    }

    private TrustException unavailable(String what, @Nullable Throwable cause) {
        return new TrustException(TrustError.TSA_UNAVAILABLE, "the TSA at " + url + " " + what, cause);
    }

    @Override
    public void close() {
        http.close();
    }
}
