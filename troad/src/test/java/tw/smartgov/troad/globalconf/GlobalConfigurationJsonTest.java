package tw.smartgov.troad.globalconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.identifier.MemberId;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.TestPki;

class GlobalConfigurationJsonTest {
    static final MemberId MOI = MemberId.parse("TW/GOV/MOI");

    static GlobalConfiguration sample(Instant now) {
        return new GlobalConfiguration(
                "TW",
                7,
                now,
                now.plus(Duration.ofMinutes(10)),
                List.of(new GlobalConfiguration.MemberEntry(MOI, "內政部 Ministry of the Interior", List.of("household"))),
                List.of(new GlobalConfiguration.SecurityServerEntry(
                        "ss1",
                        MOI,
                        "https://127.0.0.1:5500",
                        "ab".repeat(32),
                        "cd".repeat(32),
                        null,
                        List.of(MOI.subsystem("household")))),
                List.of("-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"),
                List.of(new GlobalConfiguration.TsaEntry("built-in", "http://127.0.0.1:8080/trust/tsa", "pem")));
    }

    @Test
    void identifiersTravelAsTheirEncodedStrings() {
        var json = JsonMapper.builder().build();
        var conf = sample(Instant.parse("2026-11-23T08:00:00Z"));
        String text = json.writeValueAsString(conf);
        assertThat(text)
                .contains("\"id\":\"TW/GOV/MOI\"", "\"clients\":[\"TW/GOV/MOI/household\"]", "2026-11-23T08:00:00Z");
        assertThat(json.readValue(text, GlobalConfiguration.class)).isEqualTo(conf);
    }

    @Test
    void aPublishedSigningChainCountsOnlyIfItsLeafIsThePinnedCertificate() {
        var ca = TestPki.newCa();
        var signing = TestPki.identity(ca, CertificateProfile.SIGNING);
        var other = TestPki.identity(ca, CertificateProfile.SIGNING);
        String pem = Pem.encode(List.of(signing.certificate(), ca.issuingCertificate()));
        String pin = CertificateFingerprint.sha256(signing.certificate());

        assertThat(entry(pin, pem).signingChain()).contains(List.of(signing.certificate(), ca.issuingCertificate()));
        assertThat(entry(CertificateFingerprint.sha256(other.certificate()), pem)
                        .signingChain())
                .isEmpty();
        assertThat(entry(pin, null).signingChain()).isEmpty();
        assertThat(entry(pin, "not PEM").signingChain()).isEmpty();
        var json = JsonMapper.builder().build();
        assertThat(json.readValue(
                                json.writeValueAsString(entry(pin, pem)), GlobalConfiguration.SecurityServerEntry.class)
                        .signingChain())
                .contains(List.of(signing.certificate(), ca.issuingCertificate()));
    }

    private static GlobalConfiguration.SecurityServerEntry entry(String signingPin, String signingChain) {
        return new GlobalConfiguration.SecurityServerEntry(
                "ss1", MOI, "https://127.0.0.1:5500", "ab".repeat(32), signingPin, signingChain, List.of());
    }

    @Test
    void staysUsableForTheGracePeriodAfterExpiry() {
        var now = Instant.parse("2026-11-23T08:00:00Z");
        var conf = sample(now);
        var grace = Duration.ofHours(1);
        assertThat(conf.isExpiredAt(now.plusSeconds(599))).isFalse();
        assertThat(conf.isInGraceAt(now.plusSeconds(600), grace)).isTrue();
        assertThat(conf.isInGraceAt(now.plusSeconds(600).plus(grace), grace)).isFalse();
    }

    @Test
    void knowsWhichServerProvidesASubsystem() {
        var conf = sample(Instant.now());
        assertThat(conf.serversOf(MOI.subsystem("household")))
                .extracting(s -> s.id())
                .containsExactly("TW/GOV/MOI/ss1");
        assertThat(conf.serversOf(MOI.subsystem("tax"))).isEmpty();
        assertThat(conf.isRegistered(MOI.subsystem("household"))).isTrue();
        assertThat(conf.isRegistered(MOI.subsystem("unknown"))).isFalse();
    }
}
