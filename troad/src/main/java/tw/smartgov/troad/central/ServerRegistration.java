package tw.smartgov.troad.central;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tw.smartgov.troad.central.TokenMessages.TokenRequest;
import tw.smartgov.troad.central.TokenMessages.TokenResponse;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.troad.identifier.SubsystemId;
import tw.smartgov.troad.registration.RegistrationMessages.Issued;
import tw.smartgov.troad.registration.RegistrationMessages.RegisterRequest;

/**
 * Registers security servers: an administrator creates a one-time token for an owner, code,
 * address and clients; the security server presents it with two CSRs and gets its certificates.
 * Registration is one transaction (token, certificates, registry): a failure leaves nothing.
 */
@CentralRole
@Service
class ServerRegistration {
    private static final Logger log = LoggerFactory.getLogger(ServerRegistration.class);

    private final RegistrationTokens tokens;
    private final SecurityServers servers;
    private final Registry registry;
    private final ServerCertificates certificates;
    private final GlobalConfigurationPublisher publisher;
    private final TransactionTemplate transaction;
    private final Duration tokenValidity;
    private final Clock clock = Clock.systemUTC();

    ServerRegistration(
            RegistrationTokens tokens,
            SecurityServers servers,
            Registry registry,
            ServerCertificates certificates,
            GlobalConfigurationPublisher publisher,
            TransactionTemplate transaction,
            @Value("${smartgov.troad.registration-token-validity:PT24H}") Duration tokenValidity) {
        this.tokens = tokens;
        this.servers = servers;
        this.registry = registry;
        this.certificates = certificates;
        this.publisher = publisher;
        this.transaction = transaction;
        this.tokenValidity = tokenValidity;
    }

    TokenResponse createToken(TokenRequest request) {
        return createToken(request, tokenValidity);
    }

    /** @param validity how long the token can be used; negative only in tests of expiry */
    TokenResponse createToken(TokenRequest request, Duration validity) {
        var owner = MemberId.parse(Checks.required(request.owner(), "owner"));
        String code = owner.subsystem(Checks.required(request.code(), "code")).subsystemCode();
        String address = Checks.address(request.address());
        var clients = Checks.each(request.clients(), "clients", SubsystemId::parse);
        registry.member(owner);
        clients.forEach(registry::requireSubsystem);
        if (servers.exists(owner, code)) {
            throw new CentralException(
                    CentralError.ALREADY_REGISTERED,
                    "security server " + owner + "/" + code + " is already registered");
        }
        Instant now = clock.instant();
        String token = RegistrationTokenSecrets.generate();
        var grant = new RegistrationTokens.Grant(owner, code, address, clients, now.plus(validity), null);
        tokens.insert(RegistrationTokenSecrets.hash(token), grant, now);
        log.info("registration token created for security server {}/{}", owner, code);
        return new TokenResponse(SecurityServers.Server.id(owner, code), token, grant.expiresAt());
    }

    Issued register(RegisterRequest request) {
        String hash = RegistrationTokenSecrets.hash(Checks.required(request.token(), "token"));
        var issued = transaction.execute(status -> registerOnce(hash, request));
        publisher.publish();
        log.info("security server {} registered", issued.serverId());
        return new Issued(
                issued.serverId(),
                issued.tlsChain(),
                issued.signingChain(),
                publisher.anchor().globalConfigurationUrl().toString(),
                publisher.anchor());
    }

    private Issued registerOnce(String tokenHash, RegisterRequest request) {
        Instant now = clock.instant();
        var grant = tokens.lock(tokenHash)
                .orElseThrow(
                        () -> new CentralException(CentralError.INVALID_TOKEN, "the registration token is unknown"));
        if (grant.usedAt() != null) {
            throw new CentralException(
                    CentralError.TOKEN_ALREADY_USED, "the registration token was already used at " + grant.usedAt());
        }
        if (!now.isBefore(grant.expiresAt())) {
            throw new CentralException(
                    CentralError.TOKEN_EXPIRED,
                    "the registration token expired at " + grant.expiresAt() + "; ask for a new one");
        }
        if (servers.exists(grant.owner(), grant.code())) {
            throw new CentralException(
                    CentralError.ALREADY_REGISTERED,
                    "security server " + grant.owner() + "/" + grant.code() + " is already registered");
        }
        var pair = certificates.issue(
                request.tlsCsr(), request.signingCsr(), request.dns(), request.ip(), grant.address());
        var server = new SecurityServers.Server(
                grant.owner(),
                grant.code(),
                grant.address(),
                pair.tlsPin(),
                pair.signingPin(),
                grant.clients(),
                now,
                null);
        servers.insert(server);
        tokens.markUsed(tokenHash, now);
        return new Issued(
                server.id(), ServerCertificates.pem(pair.tls()), ServerCertificates.pem(pair.signing()), "", null);
    }
}
