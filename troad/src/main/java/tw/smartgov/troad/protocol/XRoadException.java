package tw.smartgov.troad.protocol;

import org.jspecify.annotations.Nullable;

/** An error raised by T-Road itself; becomes an {@code X-Road-Error} response. */
public class XRoadException extends RuntimeException {
    private final XRoadErrorType type;
    private final @Nullable String detail;

    public XRoadException(XRoadErrorType type, String message) {
        this(type, message, null, null);
    }

    public XRoadException(XRoadErrorType type, String message, @Nullable String detail, @Nullable Throwable cause) {
        super(message, cause);
        this.type = type;
        this.detail = detail;
    }

    public XRoadErrorType type() {
        return type;
    }

    public @Nullable String detail() {
        return detail;
    }
}
