package tw.smartgov.troad.securityserver.admin;

import org.springframework.http.HttpStatus;

/** Why the management API refused a request; the name is the problem's {@code code}. */
enum AdminError {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST),
    INVALID_IDENTIFIER(HttpStatus.BAD_REQUEST),
    INVALID_OPENAPI(HttpStatus.BAD_REQUEST),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    ACCESS_RIGHT_NOT_FOUND(HttpStatus.NOT_FOUND),
    SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND),
    NOT_POLLED(HttpStatus.NOT_FOUND),
    CENTRAL_SERVER_UNAVAILABLE(HttpStatus.BAD_GATEWAY),
    CONFIGURATION_REFUSED(HttpStatus.BAD_GATEWAY);

    private final HttpStatus status;

    AdminError(HttpStatus status) {
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
