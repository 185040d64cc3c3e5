package tw.smartgov.troad.central;

import java.math.BigInteger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.RevocationReason;

/**
 * Takes a security server out of service for good: removes it from the registry, revokes its TLS
 * and signing certificates (cessation of operation) and publishes the configuration without it,
 * so that peers stop trusting it at their next configuration poll or CRL fetch, whichever comes
 * first. Its message logs stay where they are; evidence from them keeps verifying at its
 * time-stamps' times.
 */
@CentralRole
@Service
class ServerDecommission {
    private static final Logger log = LoggerFactory.getLogger(ServerDecommission.class);

    private final SecurityServers servers;
    private final CertificateAuthority ca;
    private final GlobalConfigurationPublisher publisher;
    private final TransactionTemplate transaction;

    ServerDecommission(
            SecurityServers servers,
            CertificateAuthority ca,
            GlobalConfigurationPublisher publisher,
            TransactionTemplate transaction) {
        this.servers = servers;
        this.ca = ca;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    /** @throws CentralException UNKNOWN_SECURITY_SERVER if no server has this id */
    void decommission(String serverId) {
        var server = transaction.execute(status -> {
            var found = servers.lock(serverId)
                    .orElseThrow(() -> new CentralException(
                            CentralError.UNKNOWN_SECURITY_SERVER, "no security server " + serverId + " is registered"));
            servers.delete(serverId);
            return found;
        });
        for (var pin : List.of(server.tls(), server.signing())) {
            var serial = new BigInteger(pin.serialHex(), 16);
            if (ca.find(serial).filter(c -> !c.revoked()).isPresent()) {
                ca.revoke(serial, RevocationReason.CESSATION_OF_OPERATION);
            }
        }
        publisher.publish();
        log.info("security server {} decommissioned: removed, its certificates revoked", serverId);
    }
}
