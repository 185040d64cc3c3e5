package tw.smartgov.troad.globalconf;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tw.smartgov.troad.identifier.ClientId;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.ca.Pem;

/**
 * One version of the global configuration of a T-Road instance. Published signed (JWS over its
 * RFC 8785 canonical JSON) by the central server; security servers poll it, verify it against
 * their anchor and apply it without restarting.
 *
 * @param instance the T-Road instance, e.g. {@code TW}
 * @param version increases by one with every change
 * @param generatedAt when the central server produced this version
 * @param expiresAt after this instant the document is stale: security servers keep exchanging for
 *     a grace period, raising alarms, then refuse
 * @param members every registered member with its subsystems
 * @param securityServers every registered security server, its address, pinned certificates and
 *     the subsystems it serves
 * @param certificateAuthorities trusted CA certificates (PEM)
 * @param timeStampingAuthorities trusted time-stamping authorities
 */
public record GlobalConfiguration(
        String instance,
        long version,
        Instant generatedAt,
        Instant expiresAt,
        List<MemberEntry> members,
        List<SecurityServerEntry> securityServers,
        List<String> certificateAuthorities,
        List<TsaEntry> timeStampingAuthorities) {

    public GlobalConfiguration {
        members = List.copyOf(members);
        securityServers = List.copyOf(securityServers);
        certificateAuthorities = List.copyOf(certificateAuthorities);
        timeStampingAuthorities = List.copyOf(timeStampingAuthorities);
    }

    /** A registered member: an agency or company, with its subsystems. */
    public record MemberEntry(MemberId id, String name, List<String> subsystems) {
        public MemberEntry {
            subsystems = List.copyOf(subsystems);
        }
    }

    /**
     * A security server.
     *
     * @param code unique within its owner, e.g. {@code ss1}
     * @param owner the member that runs it
     * @param address base URL of its provider side, e.g. {@code https://ss1.moi.gov.tw:5500}
     * @param tlsCertificateSha256 hex SHA-256 of its TLS certificate (DER), pinned by peers
     * @param signingCertificateSha256 hex SHA-256 of its signing certificate (DER)
     * @param signingCertificate its signing certificate's chain (PEM, leaf first, without the root):
     *     message signatures name their signer only by thumbprint, peers find the chain here; null
     *     in configurations of central servers from before it was published
     * @param clients the subsystems whose services it provides and whose calls it sends
     */
    public record SecurityServerEntry(
            String code,
            MemberId owner,
            String address,
            String tlsCertificateSha256,
            String signingCertificateSha256,
            @Nullable String signingCertificate,
            List<SubsystemId> clients) {
        public SecurityServerEntry {
            clients = List.copyOf(clients);
        }

        public String id() {
            return owner.encoded() + "/" + code;
        }

        /**
         * The signing certificate's chain, leaf first, if published and if its leaf is the pinned
         * one ({@link #signingCertificateSha256}); empty otherwise.
         */
        public Optional<List<X509Certificate>> signingChain() {
            if (signingCertificate == null) {
                return Optional.empty();
            }
            List<X509Certificate> chain;
            try {
                chain = Pem.certificates(signingCertificate.getBytes(StandardCharsets.US_ASCII));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            return !chain.isEmpty()
                            && CertificateFingerprint.sha256(chain.getFirst())
                                    .equalsIgnoreCase(signingCertificateSha256)
                    ? Optional.of(chain)
                    : Optional.empty();
        }
    }

    /** A trusted RFC 3161 time-stamping authority. */
    public record TsaEntry(String name, String url, String certificatePem) {}

    /** The trusted CA certificates, parsed from {@link #certificateAuthorities()}. */
    public List<X509Certificate> caCertificates() {
        return certificateAuthorities.stream()
                .flatMap(pem -> Pem.certificates(pem.getBytes(StandardCharsets.US_ASCII)).stream())
                .toList();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** True while the document is expired but still within the grace period. */
    public boolean isInGraceAt(Instant now, Duration grace) {
        return isExpiredAt(now) && now.isBefore(expiresAt.plus(grace));
    }

    /** The security servers that provide services of this subsystem. */
    public List<SecurityServerEntry> serversOf(SubsystemId subsystem) {
        return securityServers.stream()
                .filter(s -> s.clients().contains(subsystem))
                .toList();
    }

    public Optional<MemberEntry> member(MemberId id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** True if the client is a registered member, or a registered subsystem of one. */
    public boolean isRegistered(ClientId client) {
        return member(client.member())
                .map(m -> !(client instanceof SubsystemId s) || m.subsystems().contains(s.subsystemCode()))
                .orElse(false);
    }
}
