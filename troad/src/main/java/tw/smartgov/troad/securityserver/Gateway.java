package tw.smartgov.troad.securityserver;

import java.time.Instant;
import java.util.function.Consumer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpFields;

/** The parts of one security server that both proxies use; created and closed by SecurityServer. */
record Gateway(
        SecurityServerSettings settings,
        ConfigurationGuard configuration,
        PeerTrust trust,
        MessageSigning signing,
        HttpClient peers,
        HttpClient backends,
        Deadlines deadlines,
        TestHooks hooks) {

    Instant now() {
        return settings.clock().instant();
    }

    /** Seams for tests that simulate a misbehaving peer; no effect unless a test sets them. */
    static final class TestHooks {
        volatile Consumer<HttpFields.Mutable> providerResponseHeaders = headers -> {};
    }
}
