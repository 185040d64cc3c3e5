package tw.smartgov.troad.globalconf;

import org.jspecify.annotations.Nullable;

/** A global configuration was refused (or could not be fetched); the last good one stays in use. */
public class GlobalConfigurationException extends RuntimeException {
    /** Why it was refused. */
    public enum Reason {
        /** Not a compact JWS of a global configuration. */
        MALFORMED,
        /** The signature does not match the document. */
        INVALID_SIGNATURE,
        /** Signed, but not by the certificate the anchor pins (or that certificate is not valid now). */
        UNTRUSTED_SIGNER,
        /** The document is for another T-Road instance. */
        INSTANCE_MISMATCH,
        /** Older than the version already applied: a replay or a rollback. */
        ROLLBACK,
        /** The central server could not be reached or answered with an error. */
        UNAVAILABLE
    }

    private final Reason reason;

    public GlobalConfigurationException(Reason reason, String message) {
        this(reason, message, null);
    }

    public GlobalConfigurationException(Reason reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
