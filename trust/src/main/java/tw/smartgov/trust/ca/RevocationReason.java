package tw.smartgov.trust.ca;

import java.util.Locale;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** Why a certificate was revoked: the RFC 5280 CRLReason codes this CA uses. */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    PRIVILEGE_WITHDRAWN(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The RFC 5280 CRLReason code. */
    public int code() {
        return code;
    }

    public static RevocationReason ofCode(int code) {
        for (RevocationReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return UNSPECIFIED;
    }

    /** Parses {@code key-compromise}, {@code KEY_COMPROMISE} or {@code keyCompromise}. */
    public static RevocationReason parse(String text) {
        String normalized =
                text.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
        try {
            return valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new TrustException(
                    TrustError.INVALID_ARGUMENT,
                    "unknown revocation reason '" + text + "'; use one of " + java.util.Arrays.toString(values()));
        }
    }
}
