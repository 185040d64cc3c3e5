package tw.smartgov.troad.central;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.registration.RegistrationMessages;
import tw.smartgov.troad.registration.RegistrationMessages.Issued;
import tw.smartgov.troad.registration.RegistrationMessages.RenewalRequest;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.RevocationReason;
import tw.smartgov.trust.signature.JwsVerifier;
import tw.smartgov.trust.signature.VerifiedJws;

/**
 * Renews a security server's certificates. The request is a JWS signed with the server's current
 * signing key: its chain must validate now (not expired, not revoked) and its leaf must be the
 * signing certificate registered for that server. After the new certificates are registered, the
 * old ones are revoked as SUPERSEDED, so that a stolen old key cannot renew or sign again.
 */
@CentralRole
@Service
class CertificateRenewal {
    private static final Logger log = LoggerFactory.getLogger(CertificateRenewal.class);
    // A signed request is accepted this long around its requestedAt, which limits replays.
    private static final Duration FRESHNESS = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JwsVerifier verifier;
    private final SecurityServers servers;
    private final ServerCertificates certificates;
    private final CertificateAuthority ca;
    private final GlobalConfigurationPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    CertificateRenewal(
            JwsVerifier verifier,
            SecurityServers servers,
            ServerCertificates certificates,
            CertificateAuthority ca,
            GlobalConfigurationPublisher publisher,
            TransactionTemplate transaction) {
        this.verifier = verifier;
        this.servers = servers;
        this.certificates = certificates;
        this.ca = ca;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Issued renew(String jws) {
        VerifiedJws verified = verifier.verify(jws.strip());
        RenewalRequest request = parse(verified);
        checkFresh(request);
        String serverId =
                SubsystemId.parse(Checks.required(request.server(), "server")).encoded();
        String signer = CertificateFingerprint.sha256(verified.signer());
        var renewed = transaction.execute(status -> renewOnce(serverId, signer, request));
        for (BigInteger serial : renewed.superseded()) {
            ca.revoke(serial, RevocationReason.SUPERSEDED);
        }
        publisher.publish();
        log.info("security server {} renewed its certificates", serverId);
        return new Issued(
                serverId,
                ServerCertificates.pem(renewed.pair().tls()),
                ServerCertificates.pem(renewed.pair().signing()),
                publisher.anchor().globalConfigurationUrl().toString(),
                null);
    }

    private record Renewed(ServerCertificates.Pair pair, List<BigInteger> superseded) {}

    private Renewed renewOnce(String serverId, String signerSha256, RenewalRequest request) {
        var server = servers.lock(serverId)
                .orElseThrow(() -> new CentralException(
                        CentralError.UNKNOWN_SECURITY_SERVER, "no security server " + serverId + " is registered"));
        if (!server.signing().sha256().equals(signerSha256)) {
            throw new CentralException(
                    CentralError.SIGNER_NOT_REGISTERED,
                    "the renewal is not signed with the registered signing certificate of " + serverId);
        }
        var pair = certificates.issue(
                request.tlsCsr(), request.signingCsr(), request.dns(), request.ip(), server.address());
        servers.replaceCertificates(serverId, pair.tlsPin(), pair.signingPin(), clock.instant());
        return new Renewed(
                pair,
                List.of(
                        new BigInteger(server.tls().serialHex(), 16),
                        new BigInteger(server.signing().serialHex(), 16)));
    }

    private static RenewalRequest parse(VerifiedJws verified) {
        if (!RegistrationMessages.RENEWAL_TYPE.equals(verified.type())) {
            throw Checks.invalid("the JWS is not of type " + RegistrationMessages.RENEWAL_TYPE);
        }
        try {
            return JSON.readValue(verified.payload(), RenewalRequest.class);
        } catch (JacksonException e) {
            throw Checks.invalid("the signed payload is not a renewal request");
        }
    }

    private void checkFresh(RenewalRequest request) {
        Instant requestedAt = request.requestedAt();
        Instant now = clock.instant();
        if (requestedAt == null
                || requestedAt.isBefore(now.minus(FRESHNESS))
                || requestedAt.isAfter(now.plus(FRESHNESS))) {
            throw Checks.invalid("requestedAt must be within " + FRESHNESS.toMinutes() + " minutes of now (" + now
                    + "); check the clock");
        }
    }
}
