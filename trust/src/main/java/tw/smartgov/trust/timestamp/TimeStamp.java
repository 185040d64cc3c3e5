package tw.smartgov.trust.timestamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * A time-stamp token just obtained and already verified by a {@link TimeStamper}.
 *
 * @param token the RFC 3161 token (a CMS SignedData); keep {@link #encoded()} next to the data
 * @param verified what the token proves
 */
public record TimeStamp(TimeStampToken token, VerifiedTimeStamp verified) {
    /** The DER token, as {@link TimeStampVerifier} reads it back later. */
    public byte[] encoded() {
        try {
            return token.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a parsed time-stamp token", e);
        }
    }

    public Instant genTime() {
        return verified.genTime();
    }
}
