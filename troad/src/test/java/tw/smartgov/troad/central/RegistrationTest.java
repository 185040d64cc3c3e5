package tw.smartgov.troad.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.troad.globalconf.ConfigurationAnchor;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfigurationVerifier;
import tw.smartgov.troad.registration.RegistrationClient;
import tw.smartgov.troad.registration.RegistrationClient.RegistrationException;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;

class RegistrationTest extends CentralIntegrationTest {
    @Autowired
    ServerRegistration registration;

    @Autowired
    CertificateAuthority ca;

    @Autowired
    JdbcTemplate jdbc;

    RegistrationClient client() {
        return new RegistrationClient(uri(""));
    }

    String token(String owner, String code, String client) {
        var response = post(
                "/admin/troad/security-servers/tokens",
                "application/json",
                "{\"owner\":\"" + owner + "\",\"code\":\"" + code
                        + "\",\"address\":\"https://127.0.0.1:5500\",\"clients\":[\"" + client + "\"]}");
        assertThat(response.statusCode()).isEqualTo(201);
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    static String csr(KeyPair keys, String subject) {
        return new String(TestPki.csr(keys, subject), StandardCharsets.US_ASCII);
    }

    GlobalConfiguration verifiedGlobalConfiguration() {
        var anchor = ConfigurationAnchor.parse(get("/troad/anchor.json").body().getBytes(StandardCharsets.UTF_8));
        return new GlobalConfigurationVerifier(anchor, java.time.Clock.systemUTC())
                .verify(get("/troad/globalconf").body());
    }

    @Test
    void aTokenRegistersAServerWhoseCertificatesChainToTheRootAndAreInTheNextConfiguration() {
        String member = "TW/GOV/" + unique("MOI");
        String client = memberWithSubsystem(member.substring(7), "household");
        long before = verifiedGlobalConfiguration().version();
        var signingKeys = TestPki.keyPair("EC", "secp256r1");

        var issued = client().register(
                        token(member, "ss1", client),
                        csr(TestPki.keyPair("EC", "secp256r1"), "CN=ss1"),
                        csr(signingKeys, "CN=ss1 signing"),
                        List.of(),
                        List.of("127.0.0.1"));

        var validator = new CertificateValidator(List.of(ca.root()), ca.revocationSource());
        var now = java.time.Instant.now();
        validator.validate(issued.tlsChain(), CertificateProfile.TLS_PEER, now);
        validator.validate(issued.signingChain(), CertificateProfile.SIGNING, now);
        assertThat(issued.tlsChain().getLast()).isEqualTo(ca.root());
        assertThat(issued.anchor()).isPresent();

        GlobalConfiguration conf = verifiedGlobalConfiguration();
        assertThat(conf.version()).isGreaterThan(before);
        var server = conf.securityServers().stream()
                .filter(s -> s.id().equals(member + "/ss1"))
                .findFirst()
                .orElseThrow();
        assertThat(server.tlsCertificateSha256())
                .isEqualTo(CertificateFingerprint.sha256(issued.tlsChain().getFirst()));
        assertThat(server.signingCertificateSha256())
                .isEqualTo(CertificateFingerprint.sha256(issued.signingChain().getFirst()));
        assertThat(server.clients()).extracting(Object::toString).containsExactly(client);
    }

    @Test
    void aDecommissionedServerLeavesTheConfigurationWithItsCertificatesRevokedAndItsMemberCanGo() {
        String code = unique("DEC");
        String member = "TW/GOV/" + code;
        String client = memberWithSubsystem(code, "app");
        var issued = client().register(
                        token(member, "ss1", client),
                        csr(TestPki.keyPair("EC", "secp256r1"), "CN=ss1"),
                        csr(TestPki.keyPair("EC", "secp256r1"), "CN=ss1 signing"),
                        List.of(),
                        List.of("127.0.0.1"));
        // the configuration also publishes the signing chain, whose leaf is the pinned one
        var published = verifiedGlobalConfiguration().securityServers().stream()
                .filter(s -> s.id().equals(member + "/ss1"))
                .findFirst()
                .orElseThrow();
        assertThat(published.signingChain().orElseThrow().getFirst())
                .isEqualTo(issued.signingChain().getFirst());
        assertThat(delete("/admin/troad/members/" + member).statusCode()).isEqualTo(409);

        assertThat(delete("/admin/troad/security-servers/" + member + "/ss1").statusCode())
                .isEqualTo(204);

        assertThat(verifiedGlobalConfiguration().securityServers()).noneMatch(s -> s.id().equals(member + "/ss1"));
        var validator = new CertificateValidator(List.of(ca.root()), ca.revocationSource());
        for (var chain : List.of(issued.tlsChain(), issued.signingChain())) {
            assertThat(ca.find(chain.getFirst().getSerialNumber()).orElseThrow().revocationReason())
                    .isEqualTo(tw.smartgov.trust.ca.RevocationReason.CESSATION_OF_OPERATION);
        }
        assertThatThrownBy(() ->
                        validator.validate(issued.signingChain(), CertificateProfile.SIGNING, java.time.Instant.now()))
                .isInstanceOf(tw.smartgov.trust.TrustException.class);
        var again = delete("/admin/troad/security-servers/" + member + "/ss1");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("UNKNOWN_SECURITY_SERVER");
        assertThat(delete("/admin/troad/subsystems/" + client).statusCode()).isEqualTo(204);
        assertThat(delete("/admin/troad/members/" + member).statusCode()).isEqualTo(204);
    }

    @Test
    void aTokenWorksOnlyOnce() {
        String member = "TW/GOV/" + unique("MOF");
        String client = memberWithSubsystem(member.substring(7), "tax");
        String token = token(member, "ss1", client);
        var keys = TestPki.keyPair("EC", "secp256r1");
        client().register(token, csr(keys, "CN=a"), csr(keys, "CN=b"), List.of("ss1.test"), List.of());

        assertThatThrownBy(() -> client().register(token, csr(keys, "CN=a"), csr(keys, "CN=b"), List.of(), List.of()))
                .isInstanceOfSatisfying(RegistrationException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isIn("TOKEN_ALREADY_USED");
                });
        assertThatThrownBy(
                        () -> client().register("nonsense", csr(keys, "CN=a"), csr(keys, "CN=b"), List.of(), List.of()))
                .isInstanceOfSatisfying(
                        RegistrationException.class, e -> assertThat(e.code()).isEqualTo("INVALID_TOKEN"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String member = "TW/GOV/" + unique("MOE");
        String client = memberWithSubsystem(member.substring(7), "school");
        var expired = registration.createToken(
                new TokenMessages.TokenRequest(member, "ss1", "https://ss1.moe.test", List.of(client)),
                Duration.ofSeconds(-1));
        var keys = TestPki.keyPair("EC", "secp256r1");

        assertThatThrownBy(() ->
                        client().register(expired.token(), csr(keys, "CN=a"), csr(keys, "CN=b"), List.of(), List.of()))
                .isInstanceOfSatisfying(RegistrationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("TOKEN_EXPIRED");
                });
    }

    @Test
    void aMalformedCsrLeavesNothingBehindAndTheTokenStillWorks() {
        String member = "TW/GOV/" + unique("MOJ");
        String client = memberWithSubsystem(member.substring(7), "court");
        String token = token(member, "ss1", client);
        var keys = TestPki.keyPair("EC", "secp256r1");
        int issuedBefore = count("select count(*) from trust.issued_certificate");

        assertThatThrownBy(() -> client().register(token, csr(keys, "CN=ok"), "garbage", List.of(), List.of()))
                .isInstanceOfSatisfying(RegistrationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("MALFORMED_CSR");
                });

        assertThat(count("select count(*) from troad.security_server where id = '" + member + "/ss1'"))
                .isZero();
        assertThat(count("select count(*) from trust.issued_certificate")).isEqualTo(issuedBefore);
        assertThat(client().register(token, csr(keys, "CN=ok"), csr(keys, "CN=ok2"), List.of(), List.of())
                        .serverId())
                .isEqualTo(member + "/ss1");
    }

    @Test
    void renewalSignedWithTheCurrentKeyIssuesNewCertificatesAndRevokesTheOld() {
        String member = "TW/GOV/" + unique("MOL");
        String client = memberWithSubsystem(member.substring(7), "labour");
        var signingKeys = TestPki.keyPair("EC", "secp256r1");
        var first = client().register(
                        token(member, "ss1", client),
                        csr(TestPki.keyPair("EC", "secp256r1"), "CN=tls"),
                        csr(signingKeys, "CN=signing"),
                        List.of(),
                        List.of());
        var current = new SigningIdentity(signingKeys.getPrivate(), first.signingChain());
        var newSigning = TestPki.keyPair("EC", "secp256r1");

        var renewed = client().renew(
                        member + "/ss1",
                        current,
                        csr(TestPki.keyPair("EC", "secp256r1"), "CN=tls"),
                        csr(newSigning, "CN=signing"),
                        List.of(),
                        List.of("127.0.0.1"));

        assertThat(renewed.signingChain().getFirst())
                .isNotEqualTo(first.signingChain().getFirst());
        assertThat(ca.find(first.signingChain().getFirst().getSerialNumber())
                        .orElseThrow()
                        .revoked())
                .isTrue();
        var server = verifiedGlobalConfiguration().securityServers().stream()
                .filter(s -> s.id().equals(member + "/ss1"))
                .findFirst()
                .orElseThrow();
        assertThat(server.signingCertificateSha256())
                .isEqualTo(CertificateFingerprint.sha256(renewed.signingChain().getFirst()));
        // The superseded key can no longer renew.
        assertThatThrownBy(() -> client().renew(
                                member + "/ss1",
                                current,
                                csr(newSigning, "CN=x"),
                                csr(newSigning, "CN=y"),
                                List.of(),
                                List.of()))
                .isInstanceOfSatisfying(
                        RegistrationException.class, e -> assertThat(e.code()).isEqualTo("CERTIFICATE_REVOKED"));
    }

    @Test
    void renewalSignedWithAnotherServersKeyIsRefused() {
        String member = "TW/GOV/" + unique("MOD");
        String client = memberWithSubsystem(member.substring(7), "army");
        var keys = TestPki.keyPair("EC", "secp256r1");
        client().register(token(member, "ss1", client), csr(keys, "CN=t"), csr(keys, "CN=s"), List.of(), List.of());
        // A valid SIGNING certificate from the same CA, but not the one registered for ss1.
        SigningIdentity foreign = TestPki.identity(ca, CertificateProfile.SIGNING);

        assertThatThrownBy(() -> client().renew(
                                member + "/ss1", foreign, csr(keys, "CN=t"), csr(keys, "CN=s"), List.of(), List.of()))
                .isInstanceOfSatisfying(RegistrationException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("SIGNER_NOT_REGISTERED");
                });
    }

    @Test
    void aCertificateIsRenewedWhenLessThanAThirdOfItsValidityRemains() {
        var certificate = TestPki.identity(ca, CertificateProfile.SIGNING).certificate();
        var notBefore = certificate.getNotBefore().toInstant();
        var lifetime = Duration.between(notBefore, certificate.getNotAfter().toInstant());

        assertThat(RegistrationClient.needsRenewal(certificate, notBefore.plus(lifetime.dividedBy(2))))
                .isFalse();
        assertThat(RegistrationClient.needsRenewal(
                        certificate, notBefore.plus(lifetime.multipliedBy(7).dividedBy(10))))
                .isTrue();
    }

    private int count(String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class);
        return count == null ? 0 : count;
    }
}
