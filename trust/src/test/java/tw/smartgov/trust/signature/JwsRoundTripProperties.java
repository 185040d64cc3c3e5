package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.TestPki;

class JwsRoundTripProperties {
    private static final CertificateAuthority CA = TestPki.newCa();
    private static final JwsSigner SIGNER = new JwsSigner(TestPki.identity(CA, CertificateProfile.SIGNING));
    private static final JwsVerifier VERIFIER =
            new JwsVerifier(new CertificateValidator(List.of(CA.root()), CA.revocationSource()));

    @Property(tries = 200)
    void anyPayloadSignedVerifiesToItself(@ForAll @Size(max = 2048) byte[] payload) {
        assertThat(VERIFIER.verify(SIGNER.sign(payload)).payload()).isEqualTo(payload);
        assertThat(VERIFIER.verifyDetached(SIGNER.signDetached(payload), payload)
                        .payload())
                .isEqualTo(payload);
    }

    @Property(tries = 200)
    void anySingleByteChangeToThePayloadFailsVerification(
            @ForAll @Size(min = 1, max = 2048) byte[] payload, @ForAll int position, @ForAll byte delta) {
        String jws = SIGNER.signDetached(payload);
        byte[] changed = payload.clone();
        int index = Math.floorMod(position, changed.length);
        changed[index] = (byte) (changed[index] + (delta == 0 ? 1 : delta));

        assertThatThrownBy(() -> VERIFIER.verifyDetached(jws, changed))
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.SIGNATURE_INVALID));
    }
}
