package tw.smartgov.troad.central;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tw.smartgov.troad.TroadProperties;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfiguration.MemberEntry;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.troad.globalconf.GlobalConfiguration.TsaEntry;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.ServiceIdentities;

/** Builds the content of the global configuration from the registry, in a stable order. */
@CentralRole
@Component
class ConfigurationContent {
    private final Members members;
    private final Subsystems subsystems;
    private final SecurityServers servers;
    private final CertificateAuthority ca;
    private final ServiceIdentities identities;
    private final TroadProperties properties;
    private final CentralUrl centralUrl;

    ConfigurationContent(
            Members members,
            Subsystems subsystems,
            SecurityServers servers,
            CertificateAuthority ca,
            ServiceIdentities identities,
            TroadProperties properties,
            CentralUrl centralUrl) {
        this.members = members;
        this.subsystems = subsystems;
        this.servers = servers;
        this.ca = ca;
        this.identities = identities;
        this.properties = properties;
        this.centralUrl = centralUrl;
    }

    GlobalConfiguration build(long version, Instant generatedAt, Instant expiresAt) {
        return new GlobalConfiguration(
                properties.instance(),
                version,
                generatedAt,
                expiresAt,
                memberEntries(),
                serverEntries(),
                ca.caChain().stream().map(c -> Pem.encode(List.of(c))).toList(),
                List.of(tsa()));
    }

    private List<MemberEntry> memberEntries() {
        Map<MemberId, List<String>> codes = subsystems.all().stream()
                .collect(Collectors.groupingBy(
                        SubsystemId::member, Collectors.mapping(SubsystemId::subsystemCode, Collectors.toList())));
        return members.all().stream()
                .map(m -> new MemberEntry(m.id(), m.name(), codes.getOrDefault(m.id(), List.of())))
                .toList();
    }

    private List<SecurityServerEntry> serverEntries() {
        return servers.all().stream()
                .map(s -> new SecurityServerEntry(
                        s.code(),
                        s.owner(),
                        s.address(),
                        s.tls().sha256(),
                        s.signing().sha256(),
                        signingChain(s.signing()),
                        s.clients()))
                .toList();
    }

    // Message signatures name their signer by thumbprint only: peers need the chain from here.
    private @Nullable String signingChain(SecurityServers.Pin signing) {
        return ca.find(new BigInteger(signing.serialHex(), 16))
                .map(issued -> {
                    var leaf = issued.certificate();
                    var issuing = ca.issuingCertificate();
                    boolean issuedByIt = leaf.getIssuerX500Principal().equals(issuing.getSubjectX500Principal());
                    return Pem.encode(issuedByIt ? List.of(leaf, issuing) : List.of(leaf));
                })
                .orElse(null);
    }

    private TsaEntry tsa() {
        var certificate =
                identities.identity("tsa", CertificateProfile.TIME_STAMPING).certificate();
        return new TsaEntry("SmartGov TSA", centralUrl.get() + "/trust/tsa", Pem.encode(List.of(certificate)));
    }
}
