package tw.smartgov.identity.client;

import java.net.URI;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import tw.smartgov.identity.LevelOfAssurance;

/**
 * What SmartGov adds to a registered client, kept in its client settings.
 *
 * @param sector the sector identifier: clients of one sector see the same pairwise {@code sub} for
 *     a citizen, clients of different sectors cannot link theirs
 * @param requiredLevel the lowest level of assurance the service accepts
 * @param pushedRequestsRequired whether authorization requests must come through PAR (FAPI 2.0)
 * @param enabled a disabled client can neither start a sign-in nor get tokens
 */
public record ClientPolicy(
        String sector, LevelOfAssurance requiredLevel, boolean pushedRequestsRequired, boolean enabled) {
    static final String SECTOR = "settings.client.smartgov.sector";
    static final String REQUIRED_LEVEL = "settings.client.smartgov.required-level";
    static final String PAR_REQUIRED = "settings.client.smartgov.require-pushed-authorization-requests";
    static final String ENABLED = "settings.client.smartgov.enabled";

    public ClientPolicy {
        if (sector.isBlank()) {
            throw new IllegalArgumentException("a sector identifier must not be blank");
        }
    }

    /** The policy of a client; a client registered without one (none should be) gets the strictest. */
    public static ClientPolicy of(RegisteredClient client) {
        ClientSettings settings = client.getClientSettings();
        Object sector = settings.getSetting(SECTOR);
        Object level = settings.getSetting(REQUIRED_LEVEL);
        Object par = settings.getSetting(PAR_REQUIRED);
        Object enabled = settings.getSetting(ENABLED);
        return new ClientPolicy(
                sector instanceof String s ? s : defaultSector(client),
                level instanceof String l ? LevelOfAssurance.valueOf(l) : LevelOfAssurance.HIGH,
                !(par instanceof Boolean b) || b,
                enabled instanceof Boolean e && e);
    }

    /** The host of the client's first redirect URI, as OpenID Connect does without a sector_identifier_uri. */
    static String defaultSector(RegisteredClient client) {
        return client.getRedirectUris().stream()
                .findFirst()
                .map(uri -> URI.create(uri).getHost())
                .orElse(client.getClientId());
    }

    void applyTo(ClientSettings.Builder settings) {
        settings.setting(SECTOR, sector)
                .setting(REQUIRED_LEVEL, requiredLevel.name())
                .setting(PAR_REQUIRED, pushedRequestsRequired)
                .setting(ENABLED, enabled);
    }

    ClientPolicy withEnabled(boolean enabled) {
        return new ClientPolicy(sector, requiredLevel, pushedRequestsRequired, enabled);
    }
}
