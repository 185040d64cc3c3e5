package tw.smartgov.trust.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.keys.SigningIdentity;

class CertificateValidatorTest {
    private static final CertificateAuthority CA = TestPki.newCa();
    private final CertificateValidator validator = new CertificateValidator(List.of(CA.root()), CA.revocationSource());

    @Test
    void aChainFromTheCaIsValidForItsProfile() {
        List<X509Certificate> chain =
                TestPki.identity(CA, CertificateProfile.SIGNING).chain();
        assertThat(validator.validate(chain, CertificateProfile.SIGNING, Instant.now()))
                .isEqualTo(chain.getFirst());
        assertThat(validator.validate(chain.subList(0, 2), CertificateProfile.SIGNING, Instant.now()))
                .isEqualTo(chain.getFirst());
    }

    @Test
    void aRevokedCertificateFailsValidationOnceRevoked() {
        List<X509Certificate> chain =
                TestPki.identity(CA, CertificateProfile.SIGNING).chain();
        validator.validate(chain, CertificateProfile.SIGNING, Instant.now());

        CA.revoke(chain.getFirst().getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        assertRefused(
                () -> validator.validate(chain, CertificateProfile.SIGNING, Instant.now()),
                TrustError.CERTIFICATE_REVOKED);
        assertThat(CA.crl().isRevoked(chain.getFirst())).isTrue();
    }

    @Test
    void anOfflineCrlAlsoRevokes() {
        List<X509Certificate> chain =
                TestPki.identity(CA, CertificateProfile.SIGNING).chain();
        var before = new CertificateValidator(List.of(CA.root()), RevocationSource.offline(CA.crl()));
        CA.revoke(chain.getFirst().getSerialNumber(), RevocationReason.SUPERSEDED);
        var after = new CertificateValidator(List.of(CA.root()), RevocationSource.offline(CA.crl()));

        before.validate(chain, CertificateProfile.SIGNING, Instant.now());
        assertRefused(
                () -> after.validate(chain, CertificateProfile.SIGNING, Instant.now()), TrustError.CERTIFICATE_REVOKED);
    }

    @Test
    void withoutACrlTheRevocationStatusIsUnknown() {
        List<X509Certificate> chain =
                TestPki.identity(CA, CertificateProfile.SIGNING).chain();
        var noCrl = new CertificateValidator(List.of(CA.root()), RevocationSource.offline());
        assertRefused(
                () -> noCrl.validate(chain, CertificateProfile.SIGNING, Instant.now()),
                TrustError.REVOCATION_STATUS_UNKNOWN);
    }

    @Test
    void anExpiredCertificateIsRefused() {
        List<X509Certificate> chain =
                TestPki.identity(CA, CertificateProfile.SIGNING).chain();
        Instant inTwoYears = Instant.now().plus(Duration.ofDays(730));
        assertRefused(
                () -> validator.validate(chain, CertificateProfile.SIGNING, inTwoYears),
                TrustError.CERTIFICATE_EXPIRED);
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        List<X509Certificate> chain =
                TestPki.identity(CA, CertificateProfile.SIGNING).chain();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        assertRefused(
                () -> validator.validate(chain, CertificateProfile.SIGNING, yesterday),
                TrustError.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void aChainFromAForeignCaIsUntrusted() {
        CertificateAuthority foreign = TestPki.newCa();
        SigningIdentity stranger = TestPki.identity(foreign, CertificateProfile.SIGNING);
        assertRefused(
                () -> validator.validate(stranger.chain(), CertificateProfile.SIGNING, Instant.now()),
                TrustError.CERTIFICATE_UNTRUSTED);
        assertRefused(
                () -> validator.validate(stranger.chain().subList(0, 1), CertificateProfile.SIGNING, Instant.now()),
                TrustError.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void aCertificateIsRefusedForAProfileItWasNotIssuedFor() {
        List<X509Certificate> chain =
                TestPki.identity(CA, CertificateProfile.TLS_CLIENT).chain();
        assertRefused(
                () -> validator.validate(chain, CertificateProfile.TIME_STAMPING, Instant.now()),
                TrustError.CERTIFICATE_UNTRUSTED);
        assertRefused(
                () -> validator.validate(CA.caChain(), CertificateProfile.SIGNING, Instant.now()),
                TrustError.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void anEmptyChainIsMalformed() {
        assertRefused(
                () -> validator.validate(List.of(), CertificateProfile.SIGNING, Instant.now()),
                TrustError.MALFORMED_CERTIFICATE);
    }

    static void assertRefused(ThrowingCallable call, TrustError error) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        TrustException.class,
                        e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(error));
    }
}
