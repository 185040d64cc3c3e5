package tw.smartgov.troad.securityserver.config;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/** Access rights held in memory: for tests and the dev demo. Deny by default; thread-safe. */
public final class InMemoryAccessRights implements ManagedAccessRights {
    private final Set<AccessGrant> grants = ConcurrentHashMap.newKeySet();

    @Override
    public boolean allows(SubsystemId client, ServiceId service, String method, String path) {
        return grants.stream().anyMatch(g -> g.covers(client, service, method, path));
    }

    @Override
    public void grant(AccessGrant grant) {
        grants.add(grant);
    }

    @Override
    public boolean revoke(AccessGrant grant) {
        return grants.remove(grant);
    }

    @Override
    public List<AccessGrant> list() {
        return List.copyOf(grants);
    }
}
