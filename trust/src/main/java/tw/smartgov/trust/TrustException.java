package tw.smartgov.trust;

import org.jspecify.annotations.Nullable;

/**
 * A trust operation refused its input or could not complete. The message is written for a person
 * (it says what is wrong and, where it helps, what to do) and never contains key material.
 */
public class TrustException extends RuntimeException {
    private final TrustError error;

    public TrustException(TrustError error, String message) {
        this(error, message, null);
    }

    public TrustException(TrustError error, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public TrustError error() {
        return error;
    }
}
