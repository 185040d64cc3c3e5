package tw.smartgov.trust.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tw.smartgov.trust.TrustIntegrationTest;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;

class ServiceIdentitiesTest extends TrustIntegrationTest {
    @Autowired
    ServiceIdentities identities;

    @Autowired
    CertificateValidator validator;

    @Autowired
    CertificateAuthority ca;

    @Autowired
    TrustProperties properties;

    @Test
    void anIdentityIsCreatedOnceAndSurvivesARestartOfTheKeystore() {
        SigningIdentity tsa = identities.identity("tsa", CertificateProfile.TIME_STAMPING);

        assertThat(identities.identity("tsa", CertificateProfile.TIME_STAMPING)).isEqualTo(tsa);
        var reopened = new KeyVault(
                properties.dataDir().resolve("keys.p12"),
                properties.keystorePassword().toCharArray());
        assertThat(reopened.find("service-tsa").orElseThrow().chain()).isEqualTo(tsa.chain());
        assertThat(validator.validate(tsa.chain(), CertificateProfile.TIME_STAMPING, Instant.now()))
                .isEqualTo(tsa.certificate());
        assertThat(ca.find(tsa.certificate().getSerialNumber())).isPresent();
    }

    @Test
    void theCaKeysSurviveARestart() {
        var reopened = new KeyVault(
                properties.dataDir().resolve("keys.p12"),
                properties.keystorePassword().toCharArray());
        assertThat(reopened.find(CertificateAuthority.ROOT_ALIAS).orElseThrow().certificate())
                .isEqualTo(ca.root());
    }
}
