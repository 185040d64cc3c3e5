package tw.smartgov.troad.securityserver;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.timestamp.TimeStamp;
import tw.smartgov.trust.timestamp.TimeStampClient;
import tw.smartgov.trust.timestamp.TimeStampVerifier;
import tw.smartgov.trust.timestamp.TimeStamper;

/**
 * Time-stamps from the central server's TSA ({@code POST /trust/tsa}), each token checked against
 * the CAs of the current global configuration: a security server's message-log evidence then
 * verifies with the central root alone. Fails with {@code TSA_UNAVAILABLE} before the node has a
 * global configuration, or while the central server cannot be reached (the message log tolerates
 * that for its grace period). Thread-safe.
 */
final class CentralTimeStamper implements TimeStamper {
    private record Client(GlobalConfiguration conf, TimeStampClient client) {}

    private final URI url;
    private final Supplier<Optional<GlobalConfiguration>> configuration;
    private volatile @Nullable Client current;

    CentralTimeStamper(URI centralUrl, Supplier<Optional<GlobalConfiguration>> configuration) {
        this.url = URI.create(centralUrl.toString().replaceAll("/+$", "") + "/trust/tsa");
        this.configuration = configuration;
    }

    @Override
    public TimeStamp stamp(byte[] digest, String hashAlgorithm) {
        return client().stamp(digest, hashAlgorithm);
    }

    private TimeStampClient client() {
        GlobalConfiguration conf = configuration
                .get()
                .orElseThrow(() -> new TrustException(
                        TrustError.TSA_UNAVAILABLE, "no global configuration yet, so the central TSA is not trusted"));
        Client known = current;
        if (known != null && known.conf() == conf) {
            return known.client();
        }
        synchronized (this) {
            known = current;
            if (known == null || known.conf() != conf) {
                if (known != null) {
                    known.client().close();
                }
                known = new Client(
                        conf, new TimeStampClient(url, new TimeStampVerifier(conf.caCertificates(), List.of())));
                current = known;
            }
            return known.client();
        }
    }
}
