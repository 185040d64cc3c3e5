package tw.smartgov.troad.securityserver.config;

import java.util.List;
import tw.smartgov.troad.identifier.ServiceId;
import tw.smartgov.troad.identifier.SubsystemId;

/** {@link AccessRights} that can be changed at run time, for the management layer. Thread-safe. */
public interface ManagedAccessRights extends AccessRights {
    /** Adds the grant; granting what is already granted changes nothing. */
    void grant(AccessGrant grant);

    /** Removes exactly this grant (same method and prefix); true if it existed. */
    boolean revoke(AccessGrant grant);

    /** Every grant, in no particular order. */
    List<AccessGrant> list();

    @Override
    default boolean allowsAny(SubsystemId client, ServiceId service) {
        return list().stream()
                .anyMatch(g -> g.client().equals(client) && g.service().equals(service));
    }
}
