package tw.smartgov.troad.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.signature.SignaturePacing;

/**
 * How one security server node runs.
 *
 * @param owner the member running it
 * @param code its code, unique within the owner, e.g. {@code ss1}
 * @param clients the owner's subsystems it serves
 * @param bindHost the interface both ports listen on
 * @param clientPort port for the owner's own information systems (plain HTTP)
 * @param providerPort port for peer security servers (mutual TLS 1.3)
 * @param publicHost the DNS name or IP peers reach the provider port at (goes in the TLS certificate)
 * @param centralUrl base URL of the central server
 * @param stateDir where the node keeps its anchor file
 * @param anchorFile the central server's anchor, obtained out of band; if absent, the anchor
 *     returned at registration is trusted and saved (trust on first use, logged as a warning)
 * @param registrationToken the one-time token from the central server's administrator; needed
 *     only until the node is registered
 * @param signatureLinger the longest a message waits to share its batch signature with others
 *     under load (see {@link SignaturePacing}); zero signs every message as soon as possible
 */
public record NodeSettings(
        MemberId owner,
        String code,
        List<SubsystemId> clients,
        String bindHost,
        int clientPort,
        int providerPort,
        String publicHost,
        URI centralUrl,
        Path stateDir,
        @Nullable Path anchorFile,
        @Nullable String registrationToken,
        Duration pollInterval,
        Duration grace,
        Duration connectTimeout,
        Duration readTimeout,
        Duration signatureLinger) {

    public NodeSettings {
        clients = List.copyOf(clients);
        for (SubsystemId client : clients) {
            if (!client.member().equals(owner)) {
                throw new IllegalArgumentException(client + " is not a subsystem of " + owner);
            }
        }
    }

    /** The same settings with a one-time registration token. */
    public NodeSettings withRegistrationToken(String token) {
        return new NodeSettings(
                owner,
                code,
                clients,
                bindHost,
                clientPort,
                providerPort,
                publicHost,
                centralUrl,
                stateDir,
                anchorFile,
                token,
                pollInterval,
                grace,
                connectTimeout,
                readTimeout,
                signatureLinger);
    }

    /** When messages are signed: the security server's default pacing with this node's linger. */
    SignaturePacing signaturePacing() {
        return SignaturePacing.ADAPTIVE.withMaxLinger(signatureLinger);
    }

    /** {@code OWNER/CODE}, as the central server names it. */
    public String serverId() {
        return owner.encoded() + "/" + code;
    }

    /** A name for keys and files: letters, digits and dashes only. */
    String slug() {
        return (owner.memberCode() + "-" + code)
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
    }

    @Override
    public String toString() {
        return "NodeSettings[" + serverId() + ", client port " + clientPort + ", provider port " + providerPort
                + (registrationToken == null ? "" : ", registration token ***") + "]";
    }
}
