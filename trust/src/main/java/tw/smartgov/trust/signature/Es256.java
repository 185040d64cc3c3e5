package tw.smartgov.trust.signature;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * Makes and checks ES256 signatures (ECDSA over P-256 with SHA-256, R‖S as in RFC 7518 §3.4) with
 * Bouncy Castle's ECDSA, keeping each signer's public key as a curve point. The point keeps Bouncy
 * Castle's precomputed multiples of itself, so that the many signatures of one peer (a T-Road
 * security server verifies its peers' batch signatures all day) verify about four times faster
 * than with a fresh key each time, as the JDK does. Only public data is involved. Thread-safe.
 */
final class Es256 {
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final int MAX_KEYS = 1_000;
    private static final Map<PublicKey, ECPublicKeyParameters> KEYS = new ConcurrentHashMap<>();

    private Es256() {}

    /**
     * @param signingInput the ASCII bytes {@code header.payload} of the JWS
     * @param signature the 64 bytes R‖S
     * @return whether the signature is valid for the key
     * @throws TrustException SIGNATURE_INVALID if the key is not a P-256 key
     */
    static boolean verifies(ECPublicKey key, byte[] signingInput, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        var signer = new ECDSASigner();
        signer.init(false, parameters(key));
        // ECDSASigner refuses r and s outside [1, n-1]
        return signer.verifySignature(sha256(signingInput), r, s);
    }

    private static ECPublicKeyParameters parameters(ECPublicKey key) {
        ECPublicKeyParameters known = KEYS.get(key);
        if (known != null) {
            return known;
        }
        if (!isP256(key)) {
            throw new TrustException(TrustError.SIGNATURE_INVALID, "the signer's key is not a P-256 key, so not ES256");
        }
        ECPoint point;
        try {
            point = P256.getCurve()
                    .validatePoint(key.getW().getAffineX(), key.getW().getAffineY());
        } catch (IllegalArgumentException e) {
            throw new TrustException(TrustError.SIGNATURE_INVALID, "the signer's key is not a point of P-256", e);
        }
        var parameters = new ECPublicKeyParameters(point, DOMAIN);
        if (KEYS.size() >= MAX_KEYS) {
            KEYS.clear();
        }
        KEYS.put(key, parameters);
        return parameters;
    }

    /**
     * Signs with deterministic nonces (RFC 6979), so that no weak random number can ever leak the
     * key; Bouncy Castle's fixed-base multiplication makes this faster than the JDK's signing.
     *
     * @return the 64 bytes R‖S
     */
    static byte[] sign(ECPrivateKeyParameters key, byte[] signingInput) {
        var signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(sha256(signingInput));
        return concatenated(rs[0], rs[1]);
    }

    /**
     * Signs with a nonce computed ahead ({@link Es256Nonces}): the same ECDSA, without the curve
     * multiplication on the calling thread when a nonce is ready.
     *
     * @return the 64 bytes R‖S
     */
    static byte[] sign(ECPrivateKeyParameters key, Es256Nonces nonces, byte[] signingInput) {
        byte[] digest = sha256(signingInput);
        while (true) {
            byte[] signature = signDigest(key, nonces.take(), digest);
            if (signature != null) {
                return signature;
            }
        }
    }

    /**
     * {@code s = k⁻¹·(e + d·r) mod n} for one nonce, computed as {@code k⁻¹·e + k⁻¹·d·r} with
     * {@code k⁻¹·d·r} computed with the nonce ({@link Es256Nonces.Nonce}). All of it runs in Bouncy
     * Castle's {@link BigIntegers#modMult} and {@link BigIntegers#modAdd}, as its {@link
     * ECDSASigner} (1.87) computes s: fixed-length Montgomery arithmetic whose running time does not
     * depend on the values, where {@code BigInteger}'s multiply and mod take time that depends on
     * the secrets {@code d} and {@code k⁻¹}. Only {@code e}, public, is reduced with {@code
     * BigInteger}; {@code k⁻¹} comes from the constant-time {@link BigIntegers#modOddInverse}.
     *
     * @param digest the SHA-256 digest of the signing input: P-256 and SHA-256 have the same bit
     *     length, so it is e without truncation (reduced mod n: modMult takes values below n)
     * @return R‖S, or null in the (negligibly rare) case s = 0, when another nonce must be used
     */
    static byte @Nullable [] signDigest(ECPrivateKeyParameters key, Es256Nonces.Nonce nonce, byte[] digest) {
        BigInteger n = key.getParameters().getN();
        BigInteger e = new BigInteger(1, digest).mod(n);
        BigInteger s = BigIntegers.modAdd(n, BigIntegers.modMult(n, nonce.kInverse(), e), nonce.kInverseDR());
        return s.signum() == 0 ? null : concatenated(nonce.r(), s);
    }

    /** R‖S as ES256 encodes a signature (RFC 7518 §3.4): each 32 bytes, unsigned, big-endian. */
    private static byte[] concatenated(BigInteger r, BigInteger s) {
        byte[] signature = new byte[64];
        BigIntegers.asUnsignedByteArray(r, signature, 0, 32);
        BigIntegers.asUnsignedByteArray(s, signature, 32, 32);
        return signature;
    }

    /**
     * {@code key} as {@link #sign} takes it, converted once per signer.
     *
     * @throws IllegalArgumentException if it is not a P-256 key
     */
    static ECPrivateKeyParameters signingKey(java.security.PrivateKey key) {
        if (!(key instanceof ECPrivateKey ec) || !isP256(ec)) {
            throw new IllegalArgumentException("ES256 needs an EC P-256 key, not " + key.getAlgorithm());
        }
        return new ECPrivateKeyParameters(ec.getS(), DOMAIN);
    }

    /** Whether {@code key} is a key on P-256, the only curve of ES256. */
    static boolean isP256(java.security.interfaces.ECKey key) {
        return key.getParams().getCurve().getField().getFieldSize() == 256
                && key.getParams().getOrder().equals(P256.getN());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
