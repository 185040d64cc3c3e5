package tw.smartgov.identity.certificate;

/**
 * Why a certificate sign-in was refused. Each has a message (key {@code identity.certificate.error.<name>})
 * that tells the person what to do.
 */
public enum CertificateSignInError {
    /** The response is not a JWS signed by a card, or not a sign-in response. */
    MALFORMED_RESPONSE,
    /** The signature does not match the certificate's key. */
    SIGNATURE_INVALID,
    /** The response answers another challenge. */
    CHALLENGE_MISMATCH,
    /** No challenge is pending in this session, or it expired or was used. */
    CHALLENGE_EXPIRED,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_NOT_YET_VALID,
    CERTIFICATE_REVOKED,
    /** The certificate was not issued by SmartGov's CA, or its revocation status cannot be checked. */
    CERTIFICATE_UNTRUSTED,
    /** A valid SmartGov certificate, but not a citizen card (or the citizen is no longer registered). */
    UNKNOWN_CARD;

    public String messageKey() {
        return "identity.certificate.error." + name();
    }
}
