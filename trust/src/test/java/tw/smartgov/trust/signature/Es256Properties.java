package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;

/** Es256 (Bouncy Castle, cached points) agrees with the JDK's ECDSA on genuine and altered input. */
class Es256Properties {
    static final SigningIdentity IDENTITY = TestPki.identity(TestPki.newCa(), CertificateProfile.SIGNING);
    static final ECPublicKey KEY = (ECPublicKey) IDENTITY.certificate().getPublicKey();
    static final ECPrivateKeyParameters KEY_PARAMETERS = Es256.signingKey(IDENTITY.privateKey());
    static final Es256Nonces NONCES = new Es256Nonces(KEY_PARAMETERS);

    @Property(tries = 200)
    void agreesWithTheJdkOnGenuineAndAlteredSignatures(
            @ForAll String payload, @ForAll @IntRange(min = -1, max = 64 * 8 - 1) int flippedBit) throws Exception {
        byte[] input = payload.getBytes(StandardCharsets.UTF_8);
        var sign = Signature.getInstance("SHA256withECDSAinP1363Format");
        sign.initSign(IDENTITY.privateKey());
        sign.update(input);
        byte[] signature = sign.sign();
        if (flippedBit >= 0) {
            signature[flippedBit / 8] ^= (byte) (1 << (flippedBit % 8));
        }

        assertThat(Es256.verifies(KEY, input, signature)).isEqualTo(jdkVerifies(input, signature));
        assertThat(Es256.verifies(KEY, input, signature)).isEqualTo(flippedBit < 0);
    }

    @Property(tries = 100)
    void itsSignaturesAreDeterministicAndVerifyWithTheJdk(@ForAll String payload) throws Exception {
        byte[] input = payload.getBytes(StandardCharsets.UTF_8);
        var key = Es256.signingKey(IDENTITY.privateKey());
        byte[] signature = Es256.sign(key, input);
        assertThat(signature).hasSize(64).isEqualTo(Es256.sign(key, input));
        assertThat(jdkVerifies(input, signature)).isTrue();
    }

    @Property(tries = 100)
    void signaturesWithNoncesComputedAheadVerifyWithTheJdkAndNeverRepeat(@ForAll String payload) throws Exception {
        byte[] input = payload.getBytes(StandardCharsets.UTF_8);
        byte[] first = Es256.sign(KEY_PARAMETERS, NONCES, input);
        byte[] second = Es256.sign(KEY_PARAMETERS, NONCES, input);
        assertThat(jdkVerifies(input, first)).isTrue();
        assertThat(jdkVerifies(input, second)).isTrue();
        // a repeated r would be a repeated nonce, which gives the private key away
        assertThat(Arrays.copyOf(first, 32)).isNotEqualTo(Arrays.copyOf(second, 32));
    }

    @Property(tries = 20)
    void signaturesOutOfRangeOrOfTheWrongLengthAreRefused(@ForAll @IntRange(min = 0, max = 70) int length) {
        byte[] input = "payload".getBytes(StandardCharsets.UTF_8);
        assertThat(Es256.verifies(KEY, input, new byte[length])).isFalse(); // r = s = 0
        byte[] ones = new byte[length];
        Arrays.fill(ones, (byte) 0xff); // r, s >= the group order
        assertThat(Es256.verifies(KEY, input, ones)).isFalse();
    }

    private static boolean jdkVerifies(byte[] input, byte[] signature) throws Exception {
        var verify = Signature.getInstance("SHA256withECDSAinP1363Format");
        verify.initVerify(KEY);
        verify.update(input);
        try {
            return verify.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }
}
