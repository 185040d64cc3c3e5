package tw.smartgov.troad.securityserver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.trust.signature.SignaturePacing;

/**
 * The settings of the {@code security-server} role's security server as Spring binds them, under
 * {@code smartgov.troad.security-server} ({@code smartgov security-server --help} sets them from
 * the command line); {@link #toSettings} turns them into {@link SecurityServerSettings}.
 */
@ConfigurationProperties("smartgov.troad.security-server")
public record SecurityServerRoleProperties(
        @Nullable String member,
        @DefaultValue("ss1") String code,
        @DefaultValue List<String> clients,
        @DefaultValue("0.0.0.0") String bindHost,
        @DefaultValue("8081") int clientPort,
        @DefaultValue("5500") int providerPort,
        @Nullable String publicHost,
        @Nullable URI centralUrl,
        @Nullable Path anchorFile,
        @Nullable String registrationToken,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("2ms") Duration signatureLinger) {

    /**
     * The security server's settings.
     *
     * @param grace how long an expired global configuration is still used ({@code
     *     smartgov.troad.global-configuration-grace})
     * @throws IllegalStateException naming the options that are missing
     */
    SecurityServerSettings toSettings(Duration grace) {
        if (member == null || centralUrl == null || publicHost == null || clients.isEmpty()) {
            throw new IllegalStateException("a security server needs --member, --clients, --public-host and"
                    + " --central-url (smartgov.troad.security-server.*)");
        }
        MemberId owner = MemberId.parse(member);
        return SecurityServerSettings.builder(owner)
                .code(code)
                .clients(clients.stream().map(SubsystemId::parse).toList())
                .bindHost(bindHost)
                .clientPort(clientPort)
                .providerPort(providerPort)
                .publicHost(publicHost)
                .centralUrl(centralUrl)
                .anchorFile(anchorFile)
                .registrationToken(registrationToken)
                .pollInterval(pollInterval)
                .globalConfigurationGrace(grace)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .signaturePacing(SignaturePacing.ADAPTIVE.withMaxLinger(signatureLinger))
                .build();
    }

    @Override
    public String toString() {
        return "SecurityServerRoleProperties[" + member + "/" + code + ", registrationToken=***]";
    }
}
