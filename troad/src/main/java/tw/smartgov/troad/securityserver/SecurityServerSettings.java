package tw.smartgov.troad.securityserver;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.ca.RevocationSource;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.SignaturePacing;

/**
 * Everything one security server needs. Build with {@link #builder()}; the defaults are those of
 * the builder.
 *
 * @param owner the member that runs this server
 * @param serverCode its code within the owner, as registered in the global configuration
 * @param clients the subsystems it serves: their calls go out through it, their services come in
 * @param tlsIdentity key and {@code TLS_PEER} certificate for mutual TLS with other servers
 * @param signingIdentity key and {@code SIGNING} certificate for message signatures
 * @param globalConfiguration the current, verified global configuration (trusted CAs come from it)
 * @param globalConfigurationGrace how long an expired configuration is still used (with a warning)
 * @param revocation where peer certificates are checked for revocation
 * @param services the services provided and their backends
 * @param bindHost the address both ports listen on
 * @param clientPort the plain-HTTP port for the owner's information systems; 0 for any free port
 * @param providerPort the TLS 1.3 port for other security servers; 0 for any free port
 * @param connectTimeout how long a connection to a backend or peer may take
 * @param readTimeout how long a backend may stay silent; the client side waits for a peer this long
 *     plus {@code connectTimeout} plus {@link #PEER_MARGIN}, so that the peer's typed timeout
 *     arrives first
 * @param maxBodySize the largest request or response body passed through
 * @param peerConnectionMaxAge how long a connection to a peer's provider port is reused: the peer's
 *     TLS certificate is checked (pin, validity, revocation) at each handshake, so a revoked peer
 *     stops being reached within this time (its responses are refused at once anyway: their
 *     signing certificate is checked per message)
 * @param signaturePacing when messages are signed: how long a message may wait to share a batch
 *     signature with others under load ({@link SignaturePacing#ADAPTIVE} by default)
 */
public record SecurityServerSettings(
        MemberId owner,
        String serverCode,
        List<SubsystemId> clients,
        SigningIdentity tlsIdentity,
        SigningIdentity signingIdentity,
        Supplier<GlobalConfiguration> globalConfiguration,
        Duration globalConfigurationGrace,
        Clock clock,
        RevocationSource revocation,
        ProvidedServices services,
        AccessRights accessRights,
        MessageLog messageLog,
        MeterRegistry meterRegistry,
        String bindHost,
        int clientPort,
        int providerPort,
        Duration connectTimeout,
        Duration readTimeout,
        long maxBodySize,
        Duration peerConnectionMaxAge,
        SignaturePacing signaturePacing) {
    public static final Duration PEER_MARGIN = Duration.ofSeconds(2);

    public SecurityServerSettings {
        clients = List.copyOf(clients);
        for (SubsystemId client : clients) {
            if (!client.member().equals(owner)) {
                throw new IllegalArgumentException(client + " is not a subsystem of " + owner);
            }
        }
    }

    /** How long the client side waits for the provider side. */
    public Duration peerTimeout() {
        return readTimeout.plus(connectTimeout).plus(PEER_MARGIN);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds settings; every field without a default must be set. */
    public static final class Builder {
        private @Nullable MemberId owner;
        private String serverCode = "ss1";
        private List<SubsystemId> clients = List.of();
        private @Nullable SigningIdentity tlsIdentity;
        private @Nullable SigningIdentity signingIdentity;
        private @Nullable Supplier<GlobalConfiguration> globalConfiguration;
        private Duration grace = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private @Nullable RevocationSource revocation;
        private ProvidedServices services = ProvidedServices.of(java.util.Map.of());
        private AccessRights accessRights = (client, service, method, path) -> false;
        private @Nullable MessageLog messageLog;
        private @Nullable MeterRegistry meterRegistry;
        private String bindHost = "127.0.0.1";
        private int clientPort;
        private int providerPort;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private long maxBodySize = 100L * 1024 * 1024;
        private SignaturePacing signaturePacing = SignaturePacing.ADAPTIVE;
        private Duration peerConnectionMaxAge = Duration.ofMinutes(1);

        private Builder() {}

        public Builder owner(MemberId value) {
            owner = value;
            return this;
        }

        public Builder serverCode(String value) {
            serverCode = value;
            return this;
        }

        public Builder clients(List<SubsystemId> value) {
            clients = value;
            return this;
        }

        public Builder tlsIdentity(SigningIdentity value) {
            tlsIdentity = value;
            return this;
        }

        public Builder signingIdentity(SigningIdentity value) {
            signingIdentity = value;
            return this;
        }

        public Builder globalConfiguration(Supplier<GlobalConfiguration> value) {
            globalConfiguration = value;
            return this;
        }

        public Builder globalConfigurationGrace(Duration value) {
            grace = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder revocation(RevocationSource value) {
            revocation = value;
            return this;
        }

        public Builder services(ProvidedServices value) {
            services = value;
            return this;
        }

        public Builder accessRights(AccessRights value) {
            accessRights = value;
            return this;
        }

        public Builder messageLog(MessageLog value) {
            messageLog = value;
            return this;
        }

        public Builder meterRegistry(MeterRegistry value) {
            meterRegistry = value;
            return this;
        }

        public Builder bindHost(String value) {
            bindHost = value;
            return this;
        }

        public Builder clientPort(int value) {
            clientPort = value;
            return this;
        }

        public Builder providerPort(int value) {
            providerPort = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder maxBodySize(long value) {
            maxBodySize = value;
            return this;
        }

        public Builder peerConnectionMaxAge(Duration value) {
            peerConnectionMaxAge = value;
            return this;
        }

        public Builder signaturePacing(SignaturePacing value) {
            signaturePacing = value;
            return this;
        }

        public SecurityServerSettings build() {
            return new SecurityServerSettings(
                    Objects.requireNonNull(owner, "owner"),
                    serverCode,
                    clients,
                    Objects.requireNonNull(tlsIdentity, "tlsIdentity"),
                    Objects.requireNonNull(signingIdentity, "signingIdentity"),
                    Objects.requireNonNull(globalConfiguration, "globalConfiguration"),
                    grace,
                    clock,
                    Objects.requireNonNull(revocation, "revocation"),
                    services,
                    accessRights,
                    Objects.requireNonNull(messageLog, "messageLog"),
                    meterRegistry == null ? new SimpleMeterRegistry() : meterRegistry,
                    bindHost,
                    clientPort,
                    providerPort,
                    connectTimeout,
                    readTimeout,
                    maxBodySize,
                    peerConnectionMaxAge,
                    signaturePacing);
        }
    }
}
