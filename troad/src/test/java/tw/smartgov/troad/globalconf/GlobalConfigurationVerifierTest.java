package tw.smartgov.troad.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.globalconf.GlobalConfigurationException.Reason;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.TestPki;

class GlobalConfigurationVerifierTest {
    static final SignedConfigurations CENTRAL = new SignedConfigurations();
    final Instant now = Instant.now();
    final GlobalConfigurationVerifier verifier = new GlobalConfigurationVerifier(CENTRAL.anchor, Clock.systemUTC());

    @Test
    void aDocumentSignedByThePinnedSignerVerifies() {
        var conf = SignedConfigurations.configuration(3, now, Duration.ofMinutes(10));
        assertThat(verifier.verify(CENTRAL.sign(conf))).isEqualTo(conf);
    }

    @Test
    void aTamperedDocumentIsRefused() {
        String[] parts = CENTRAL.sign(SignedConfigurations.configuration(3, now, Duration.ofMinutes(10)))
                .split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("ss1", "ss9");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> verifier.verify(tampered))
                .isInstanceOfSatisfying(
                        GlobalConfigurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
    }

    @Test
    void aDocumentSignedByAnotherKeyOfTheSameCaIsRefused() {
        var forger = TestPki.identity(CENTRAL.ca, CertificateProfile.SIGNING);
        String forged =
                SignedConfigurations.sign(SignedConfigurations.configuration(9, now, Duration.ofDays(1)), forger);

        assertThatThrownBy(() -> verifier.verify(forged))
                .isInstanceOfSatisfying(
                        GlobalConfigurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
    }

    @Test
    void anOlderVersionIsRefusedAsARollback() {
        var applied = SignedConfigurations.configuration(5, now, Duration.ofMinutes(10));
        String older = CENTRAL.sign(SignedConfigurations.configuration(4, now.plusSeconds(60), Duration.ofDays(1)));

        assertThatThrownBy(() -> verifier.verify(older, applied))
                .isInstanceOfSatisfying(
                        GlobalConfigurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ROLLBACK));
    }

    @Test
    void anotherInstanceOrGarbageIsRefused() {
        var otherAnchor = new ConfigurationAnchor(
                "XX",
                "http://localhost",
                CENTRAL.anchor.signerCertificateSha256(),
                CENTRAL.anchor.rootCertificatePem());
        String jws = CENTRAL.sign(SignedConfigurations.configuration(1, now, Duration.ofMinutes(10)));

        assertThatThrownBy(() -> new GlobalConfigurationVerifier(otherAnchor, Clock.systemUTC()).verify(jws))
                .isInstanceOfSatisfying(
                        GlobalConfigurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INSTANCE_MISMATCH));
        assertThatThrownBy(() -> verifier.verify("not.a.jws"))
                .isInstanceOfSatisfying(
                        GlobalConfigurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void theAnchorSurvivesJson() {
        assertThat(ConfigurationAnchor.parse(CENTRAL.anchor.toJson().getBytes()))
                .isEqualTo(CENTRAL.anchor);
        assertThat(CENTRAL.anchor.globalConfigurationUrl()).hasToString("http://localhost/troad/globalconf");
    }
}
