package tw.smartgov.identity.client;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tw.smartgov.identity.LevelOfAssurance;

/**
 * A relying party's registration request (JSON body of {@code POST /admin/identity/clients}).
 *
 * @param name shown to citizens on the consent page
 * @param redirectUris matched exactly; {@code https}, or {@code http} on a loopback address
 * @param scopes besides {@code openid}: {@code profile}, {@code national_id}
 * @param authenticationMethod {@code client_secret_basic} (default) or {@code private_key_jwt}
 * @param jwksUri the client's keys, for {@code private_key_jwt}
 * @param sector sector identifier; default: the host of the redirect URIs (which must then share it)
 * @param requiredLevel the lowest level the service accepts; default {@code SUBSTANTIAL}
 * @param clientCredentials whether the client may also get tokens for itself (machine-to-machine)
 * @param pushedRequestsRequired default true (FAPI 2.0); false allows plain authorization requests
 */
public record ClientRegistration(
        String name,
        @Nullable List<String> redirectUris,
        @Nullable List<String> scopes,
        @Nullable String authenticationMethod,
        @Nullable String jwksUri,
        @Nullable String sector,
        @Nullable LevelOfAssurance requiredLevel,
        @Nullable Boolean clientCredentials,
        @Nullable Boolean pushedRequestsRequired) {}
