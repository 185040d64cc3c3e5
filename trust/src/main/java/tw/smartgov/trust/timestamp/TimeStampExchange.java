package tw.smartgov.trust.timestamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * One request/response round with any TSA, independent of the transport: a request with a fresh
 * random nonce and certReq, then the checks a client owes the answer (status, nonce, imprint,
 * then full verification).
 */
final class TimeStampExchange {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeStampRequest request;
    private final String hashAlgorithm;
    private final byte[] digest;

    TimeStampExchange(byte[] digest, String hashAlgorithm) {
        ASN1ObjectIdentifier oid = HashAlgorithms.oid(hashAlgorithm);
        if (digest.length != HashAlgorithms.length(hashAlgorithm)) {
            throw new TrustException(
                    TrustError.INVALID_ARGUMENT,
                    "a " + hashAlgorithm + " digest has " + HashAlgorithms.length(hashAlgorithm) + " bytes, not "
                            + digest.length);
        }
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        this.request = generator.generate(oid, digest.clone(), new BigInteger(64, RANDOM));
        this.hashAlgorithm = hashAlgorithm;
        this.digest = digest.clone();
    }

    byte[] requestBytes() {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a time-stamp request", e);
        }
    }

    /** @param source names the TSA in error messages */
    TimeStamp accept(byte[] responseBytes, String source, TimeStampVerifier verifier) {
        TimeStampResponse response = TimeStampTokens.response(responseBytes);
        TimeStampToken token = TimeStampTokens.grantedToken(response, source);
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!Objects.equals(info.getNonce(), request.getNonce())) {
            throw new TrustException(
                    TrustError.TIMESTAMP_INVALID,
                    source + " answered with a token for another request (nonce mismatch): a replay or a mix-up");
        }
        return new TimeStamp(token, verifier.verify(token, digest, hashAlgorithm));
    }
}
