package tw.smartgov.troad.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.troad.globalconf.ConfigurationAnchor;
import tw.smartgov.troad.globalconf.GlobalConfigurationVerifier;
import tw.smartgov.troad.registration.RegistrationClient;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.RevocationReason;
import tw.smartgov.trust.ca.ServiceIdentities;
import tw.smartgov.trust.ca.TestPki;

class GlobalConfigurationPublishingTest extends CentralIntegrationTest {
    @Autowired
    GlobalConfigurationPublisher publisher;

    @Autowired
    ServiceIdentities identities;

    @Autowired
    CertificateAuthority ca;

    @Autowired
    CertificateAlerts alerts;

    @Test
    void theVersionGoesUpOnlyWhenTheContentChanges() {
        long version = publisher.publish().configuration().version();
        assertThat(publisher.publish().configuration().version()).isEqualTo(version);

        memberWithSubsystem(unique("VER"), "app");

        assertThat(publisher.current().configuration().version()).isGreaterThan(version);
    }

    @Test
    void theServedJwsVerifiesWithTheExportedAnchorAndNamesTheCasAndTheTsa() {
        var response = get("/troad/globalconf");
        var anchor = ConfigurationAnchor.parse(get("/troad/anchor.json").body().getBytes(StandardCharsets.UTF_8));

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/jose");
        assertThat(anchor.signerCertificateSha256())
                .isEqualTo(CertificateFingerprint.sha256(identities
                        .identity("globalconf", CertificateProfile.SIGNING)
                        .certificate()));
        var conf = new GlobalConfigurationVerifier(anchor, Clock.systemUTC()).verify(response.body());
        assertThat(conf.instance()).isEqualTo("TW");
        assertThat(conf.expiresAt()).isAfter(conf.generatedAt());
        assertThat(conf.certificateAuthorities()).contains(Pem.encode(List.of(ca.root())));
        assertThat(conf.timeStampingAuthorities().getFirst().url())
                .isEqualTo(uri("/trust/tsa").toString());
    }

    @Test
    void aRevokedServerCertificateTurnsTheHealthDownWithAnAlert() {
        String member = "TW/GOV/" + unique("REV");
        String client = memberWithSubsystem(member.substring(7), "app");
        String token = registrationToken(member, client);
        var keys = TestPki.keyPair("EC", "secp256r1");
        var issued = new RegistrationClient(uri(""))
                .register(
                        token,
                        RegistrationTest.csr(keys, "CN=t"),
                        RegistrationTest.csr(keys, "CN=s"),
                        List.of(),
                        List.of());
        assertThat(alerts.alerts()).noneMatch(a -> a.serverId().equals(member + "/ss1"));

        ca.revoke(issued.signingChain().getFirst().getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        assertThat(alerts.alerts()).anySatisfy(a -> {
            assertThat(a.serverId()).isEqualTo(member + "/ss1");
            assertThat(a.problem()).startsWith("revoked");
        });
        assertThat(alerts.health().getStatus().getCode()).isEqualTo("DOWN");
    }

    private String registrationToken(String member, String client) {
        var response = post(
                "/admin/troad/security-servers/tokens",
                "application/json",
                "{\"owner\":\"" + member + "\",\"code\":\"ss1\",\"address\":\"https://127.0.0.1:5500\",\"clients\":[\""
                        + client + "\"]}");
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
