package tw.smartgov.trust.timestamp;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.jspecify.annotations.Nullable;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** Parses DER tokens and responses, turning every parse failure into {@code MALFORMED_TIMESTAMP}. */
final class TimeStampTokens {
    private TimeStampTokens() {}

    /** A DER TimeStampToken (CMS ContentInfo) or a DER TimeStampResp holding one. */
    static TimeStampToken parseTokenOrResponse(byte[] der) {
        ASN1Sequence sequence = sequence(der);
        if (sequence.size() > 0 && sequence.getObjectAt(0) instanceof ASN1ObjectIdentifier) {
            return token(sequence);
        }
        return grantedToken(response(der), "the time-stamp response");
    }

    static TimeStampResponse response(byte[] der) {
        try {
            return new TimeStampResponse(TimeStampResp.getInstance(sequence(der)));
        } catch (TSPException | IOException | IllegalArgumentException | ClassCastException e) {
            throw malformed("not a DER TimeStampResp", e);
        }
    }

    /** The token of a granted response; {@code TIMESTAMP_INVALID} naming the status otherwise. */
    static TimeStampToken grantedToken(TimeStampResponse response, String source) {
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            throw new TrustException(
                    TrustError.TIMESTAMP_INVALID,
                    source + " refused the request: status " + status + " (" + response.getStatusString() + ")"
                            + failInfo(response));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw malformed(source + " was granted but holds no token", null);
        }
        return token;
    }

    private static String failInfo(TimeStampResponse response) {
        return response.getFailInfo() == null
                ? ""
                : ", failInfo " + response.getFailInfo().intValue();
    }

    private static TimeStampToken token(ASN1Sequence sequence) {
        try {
            return new TimeStampToken(ContentInfo.getInstance(sequence));
        } catch (TSPException | IOException | IllegalArgumentException | ClassCastException e) {
            throw malformed("not a DER TimeStampToken", e);
        }
    }

    private static ASN1Sequence sequence(byte[] der) {
        try {
            return ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw malformed("not DER", e);
        }
    }

    private static TrustException malformed(String what, @Nullable Throwable cause) {
        return new TrustException(TrustError.MALFORMED_TIMESTAMP, "malformed time-stamp: " + what, cause);
    }
}
