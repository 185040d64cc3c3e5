package tw.smartgov.troad.securityserver.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.signature.SignaturePacing;

/**
 * How one security server runs: the one shape of its settings, whoever starts it (the {@code
 * security-server} role from {@code smartgov.troad.security-server.*}, the dev demo, tests). Build
 * with {@link #builder(MemberId)}; the defaults are those of the builder.
 *
 * @param owner the member that runs this server
 * @param code its code within the owner, as registered in the global configuration, e.g. {@code ss1}
 * @param clients the owner's subsystems it serves: their calls go out through it, their services
 *     come in
 * @param bindHost the address both ports listen on
 * @param clientPort the plain-HTTP port for the owner's information systems; 0 for any free port
 * @param providerPort the TLS 1.3 port for other security servers; 0 for any free port
 * @param publicHost the DNS name or IP peers reach the provider port at (goes in the TLS
 *     certificate); needed to register
 * @param centralUrl base URL of the central server; needed to register and to run as a node
 * @param anchorFile the central server's anchor, obtained out of band; if absent, the anchor
 *     returned at registration is trusted and saved (trust on first use, logged as a warning)
 * @param registrationToken the one-time token from the central server's administrator; needed only
 *     until the server is registered
 * @param pollInterval how often the global configuration is fetched
 * @param globalConfigurationGrace how long an expired configuration is still used (with a warning)
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
 *     signature with others under load
 */
public record SecurityServerSettings(
        MemberId owner,
        String code,
        List<SubsystemId> clients,
        String bindHost,
        int clientPort,
        int providerPort,
        @Nullable String publicHost,
        @Nullable URI centralUrl,
        @Nullable Path anchorFile,
        @Nullable String registrationToken,
        Duration pollInterval,
        Duration globalConfigurationGrace,
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

    public static Builder builder(MemberId owner) {
        return new Builder(owner);
    }

    /** How long the client side waits for the provider side. */
    public Duration peerTimeout() {
        return readTimeout.plus(connectTimeout).plus(PEER_MARGIN);
    }

    /** {@code OWNER/CODE}, as the central server names it. */
    public String serverId() {
        return owner.encoded() + "/" + code;
    }

    /** A name for keys and files: letters, digits and dashes only. */
    public String slug() {
        return (owner.memberCode() + "-" + code).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The same settings with a one-time registration token. */
    public SecurityServerSettings withRegistrationToken(String token) {
        return toBuilder().registrationToken(token).build();
    }

    public Builder toBuilder() {
        return new Builder(owner)
                .code(code)
                .clients(clients)
                .bindHost(bindHost)
                .clientPort(clientPort)
                .providerPort(providerPort)
                .publicHost(publicHost)
                .centralUrl(centralUrl)
                .anchorFile(anchorFile)
                .registrationToken(registrationToken)
                .pollInterval(pollInterval)
                .globalConfigurationGrace(globalConfigurationGrace)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .maxBodySize(maxBodySize)
                .peerConnectionMaxAge(peerConnectionMaxAge)
                .signaturePacing(signaturePacing);
    }

    @Override
    public String toString() {
        return "SecurityServerSettings[" + serverId() + ", client port " + clientPort + ", provider port "
                + providerPort + (registrationToken == null ? "" : ", registration token ***") + "]";
    }

    /** Builds settings from the owner and the defaults. */
    public static final class Builder {
        private final MemberId owner;
        private String code = "ss1";
        private List<SubsystemId> clients = List.of();
        private String bindHost = "127.0.0.1";
        private int clientPort;
        private int providerPort;
        private @Nullable String publicHost;
        private @Nullable URI centralUrl;
        private @Nullable Path anchorFile;
        private @Nullable String registrationToken;
        private Duration pollInterval = Duration.ofSeconds(30);
        private Duration grace = Duration.ofHours(1);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private long maxBodySize = 100L * 1024 * 1024;
        private Duration peerConnectionMaxAge = Duration.ofMinutes(1);
        private SignaturePacing signaturePacing = SignaturePacing.ADAPTIVE;

        private Builder(MemberId owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
        }

        public Builder code(String value) {
            code = value;
            return this;
        }

        public Builder clients(List<SubsystemId> value) {
            clients = value;
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

        public Builder publicHost(@Nullable String value) {
            publicHost = value;
            return this;
        }

        public Builder centralUrl(@Nullable URI value) {
            centralUrl = value;
            return this;
        }

        public Builder anchorFile(@Nullable Path value) {
            anchorFile = value;
            return this;
        }

        public Builder registrationToken(@Nullable String value) {
            registrationToken = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        public Builder globalConfigurationGrace(Duration value) {
            grace = value;
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
                    owner,
                    code,
                    clients,
                    bindHost,
                    clientPort,
                    providerPort,
                    publicHost,
                    centralUrl,
                    anchorFile,
                    registrationToken,
                    pollInterval,
                    grace,
                    connectTimeout,
                    readTimeout,
                    maxBodySize,
                    peerConnectionMaxAge,
                    signaturePacing);
        }
    }
}
