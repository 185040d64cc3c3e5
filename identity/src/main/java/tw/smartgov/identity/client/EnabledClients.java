package tw.smartgov.identity.client;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.internal.IdentityDatabase;

/**
 * The registered clients (table {@code identity.oauth2_registered_client}) as the authorization
 * server sees them: a disabled client is not found by its client id, so it can neither start an
 * authorization nor authenticate at the token endpoint. Lookups by internal id (used to read
 * existing authorizations back) still find it.
 */
@Component
public class EnabledClients implements RegisteredClientRepository {
    private final JdbcRegisteredClientRepository clients;

    EnabledClients(IdentityDatabase database) {
        this.clients = new JdbcRegisteredClientRepository(database.jdbc());
    }

    @Override
    public void save(RegisteredClient client) {
        clients.save(client);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return clients.findById(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        RegisteredClient client = clients.findByClientId(clientId);
        return client != null && ClientPolicy.of(client).enabled() ? client : null;
    }

    /** The client whatever its state, for its administration. */
    @Nullable
    RegisteredClient findAnyByClientId(String clientId) {
        return clients.findByClientId(clientId);
    }
}
