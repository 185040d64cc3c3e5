package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.testing.RandomCases;

class JwsRoundTripProperties {
    private static final CertificateAuthority CA = TestPki.newCa();
    private static final JwsSigner SIGNER = new JwsSigner(TestPki.identity(CA, CertificateProfile.SIGNING));
    private static final JwsVerifier VERIFIER =
            new JwsVerifier(new CertificateValidator(List.of(CA.root()), CA.revocationSource()));

    @Test
    void anyPayloadSignedVerifiesToItself() {
        RandomCases.check(200, random -> {
            byte[] payload = random.bytes(0, 2048);
            assertThat(VERIFIER.verify(SIGNER.sign(payload)).payload()).isEqualTo(payload);
            assertThat(VERIFIER.verifyDetached(SIGNER.signDetached(payload), payload)
                            .payload())
                    .isEqualTo(payload);
        });
    }

    @Test
    void anySingleByteChangeToThePayloadFailsVerification() {
        RandomCases.check(200, random -> {
            byte[] payload = random.bytes(1, 2048);
            int position = random.intBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
            byte delta = (byte) random.intBetween(Byte.MIN_VALUE, Byte.MAX_VALUE);
            String jws = SIGNER.signDetached(payload);
            byte[] changed = payload.clone();
            int index = Math.floorMod(position, changed.length);
            changed[index] = (byte) (changed[index] + (delta == 0 ? 1 : delta));

            assertThatThrownBy(() -> VERIFIER.verifyDetached(jws, changed))
                    .isInstanceOfSatisfying(
                            TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.SIGNATURE_INVALID));
        });
    }
}
