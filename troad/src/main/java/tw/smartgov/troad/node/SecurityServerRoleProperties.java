package tw.smartgov.troad.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The security server of the {@code security-server} role, under {@code
 * smartgov.troad.security-server}; {@code smartgov security-server --help} sets them from the
 * command line.
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

    @Override
    public String toString() {
        return "SecurityServerRoleProperties[" + member + "/" + code + ", registrationToken=***]";
    }
}
