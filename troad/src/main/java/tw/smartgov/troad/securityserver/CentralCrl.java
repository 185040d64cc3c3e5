package tw.smartgov.troad.securityserver;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.trust.ca.RevocationSource;

/**
 * The CA's CRL, fetched from the central server ({@code GET /trust/ca/crl}) and kept: refreshed
 * every {@code refresh}, and the last good one kept when the central server is unreachable (the
 * validator refuses certificates once it is past its nextUpdate, so a long outage fails closed).
 */
final class CentralCrl implements RevocationSource {
    private static final Logger log = LoggerFactory.getLogger(CentralCrl.class);

    private final URI url;
    private final Duration refresh;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final AtomicReference<@Nullable X509CRL> current = new AtomicReference<>();
    private volatile Instant fetchedAt = Instant.EPOCH;

    CentralCrl(URI centralUrl, Duration refresh, Clock clock) {
        this.url = URI.create(centralUrl.toString().replaceAll("/+$", "") + "/trust/ca/crl");
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public List<X509CRL> crls() {
        if (clock.instant().isAfter(fetchedAt.plus(refresh))) {
            fetch();
        }
        X509CRL crl = current.get();
        return crl == null ? List.of() : List.of(crl);
    }

    synchronized void fetch() {
        if (!clock.instant().isAfter(fetchedAt.plus(refresh)) && current.get() != null) {
            return;
        }
        try {
            var response = http.send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            var crl = (X509CRL)
                    CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
            current.set(crl);
            fetchedAt = clock.instant();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fetchedAt = clock.instant().minus(refresh).plusSeconds(30); // retry in 30 s
            log.warn("cannot fetch the CRL from {}: {}; keeping the previous one", url, e.getMessage());
        }
    }
}
