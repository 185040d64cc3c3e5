package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.testing.RandomCases;

/**
 * The last step of a signature with a nonce computed ahead, {@code s = k⁻¹·(e + d·r) mod n}, gives
 * exactly what ECDSA prescribes: any change to that arithmetic fails here.
 */
class Es256NonceArithmeticTest {
    private static final ECDomainParameters DOMAIN = Es256Properties.KEY_PARAMETERS.getParameters();
    private static final BigInteger N = DOMAIN.getN();

    @Test
    void aGivenNonceGivesRfc6979sPublishedSignature() {
        // RFC 6979 A.2.5: P-256, SHA-256, message "sample"
        var key = new ECPrivateKeyParameters(
                hex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721"), DOMAIN);
        BigInteger k = hex("A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60");

        byte[] signature =
                Es256.signDigest(key, nonce(k, key), Es256.sha256("sample".getBytes(StandardCharsets.US_ASCII)));

        assertThat(HexFormat.of().withUpperCase().formatHex(signature))
                .isEqualTo("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
                        + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
    }

    @Test
    void aDigestAboveTheGroupOrderIsReducedAsBouncyCastlesSignerDoes() {
        byte[] digest = new byte[32];
        Arrays.fill(digest, (byte) 0xff); // > n: e must be reduced before the constant-time addition
        BigInteger k = hex("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");

        assertThat(Es256.signDigest(Es256Properties.KEY_PARAMETERS, nonce(k, Es256Properties.KEY_PARAMETERS), digest))
                .isEqualTo(bouncyCastle(Es256Properties.KEY_PARAMETERS, k, digest));
    }

    @Test
    void randomKeysNoncesAndDigestsGiveBouncyCastlesSignatures() {
        RandomCases.check(300, random -> {
            var key = new ECPrivateKeyParameters(scalar(random.bytes(32, 32)), DOMAIN);
            BigInteger k = scalar(random.bytes(32, 32));
            byte[] digest = random.bytes(32, 32);

            assertThat(Es256.signDigest(key, nonce(k, key), digest)).isEqualTo(bouncyCastle(key, k, digest));
        });
    }

    @Test
    void extremeKeysAndNoncesGiveBouncyCastlesSignatures() {
        BigInteger[] extremes = {BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE), N.shiftRight(1)};
        byte[] digest = Es256.sha256(new byte[0]);
        for (BigInteger d : extremes) {
            for (BigInteger k : extremes) {
                var key = new ECPrivateKeyParameters(d, DOMAIN);
                assertThat(Es256.signDigest(key, nonce(k, key), digest))
                        .as("d = %s, k = %s", d, k)
                        .isEqualTo(bouncyCastle(key, k, digest));
            }
        }
    }

    /** The nonce of {@code key} as {@link Es256Nonces} computes it ahead. */
    static Es256Nonces.Nonce nonce(BigInteger k, ECPrivateKeyParameters key) {
        Es256Nonces.Nonce nonce = Es256Nonces.Nonce.of(k, key, new FixedPointCombMultiplier());
        assertThat(nonce).as("x(kG) mod n is 0 for k = %s", k).isNotNull();
        return nonce;
    }

    // An integer in [1, n-1] from 32 random bytes
    private static BigInteger scalar(byte[] bytes) {
        return new BigInteger(1, bytes).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }

    private static BigInteger hex(String hex) {
        return new BigInteger(hex, 16);
    }

    /** R‖S from Bouncy Castle's own ECDSA signer, made to use the nonce k. */
    private static byte[] bouncyCastle(ECPrivateKeyParameters key, BigInteger k, byte[] digest) {
        var signer = new ECDSASigner(new FixedK(k));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(digest);
        byte[] signature = new byte[64];
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(rs[0], signature, 0, 32);
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(rs[1], signature, 32, 32);
        return signature;
    }

    private record FixedK(BigInteger k) implements DSAKCalculator {
        @Override
        public boolean isDeterministic() {
            return true;
        }

        @Override
        public void init(BigInteger n, SecureRandom random) {}

        @Override
        public void init(BigInteger n, BigInteger d, byte[] message) {}

        @Override
        public BigInteger nextK() {
            return k;
        }
    }
}
