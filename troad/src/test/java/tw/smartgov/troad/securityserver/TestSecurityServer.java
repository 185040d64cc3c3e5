package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.messagelog.MessageLog;
import tw.smartgov.troad.securityserver.config.AccessRights;
import tw.smartgov.troad.securityserver.config.ProvidedServices;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.trust.ca.RevocationSource;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * A security server's data path started for a test: the same {@link DataPath} a node starts, with
 * identities and a global configuration the test gives instead of a central server's.
 */
public final class TestSecurityServer implements AutoCloseable {
    private final DataPath path;

    private TestSecurityServer(DataPath path) {
        this.path = path;
    }

    /** What a test gives a data path besides its settings. */
    public record Parts(
            SigningIdentity tlsIdentity,
            SigningIdentity signingIdentity,
            Supplier<GlobalConfiguration> globalConfiguration,
            RevocationSource revocation,
            ProvidedServices services,
            AccessRights accessRights,
            MessageLog messageLog,
            MeterRegistry meters,
            Clock clock) {}

    /** Starts a data path with these settings and parts. */
    public static TestSecurityServer start(SecurityServerSettings settings, Parts parts) {
        var path = new DataPath(
                settings,
                new DataPath.Wiring(
                        parts.tlsIdentity(),
                        parts.signingIdentity(),
                        parts.globalConfiguration(),
                        parts.revocation(),
                        parts.services(),
                        parts.accessRights(),
                        parts.messageLog(),
                        parts.meters(),
                        parts.clock()));
        path.start();
        return new TestSecurityServer(path);
    }

    public URI clientUri() {
        return path.clientUri();
    }

    public URI providerAddress() {
        return path.providerAddress();
    }

    /** The application protocol of each connection open on the provider port. */
    List<String> providerConnectionProtocols() {
        return path.providerConnectionProtocols();
    }

    DataPath dataPath() {
        return path;
    }

    @Override
    public void close() {
        path.close();
    }
}
