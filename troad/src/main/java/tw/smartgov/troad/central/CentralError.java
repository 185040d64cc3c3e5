package tw.smartgov.troad.central;

import org.springframework.http.HttpStatus;

/** Why the central server refused a request. Each code maps to one HTTP status. */
enum CentralError {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST),
    INVALID_OPENAPI(HttpStatus.BAD_REQUEST),
    UNKNOWN_MEMBER(HttpStatus.NOT_FOUND),
    UNKNOWN_SUBSYSTEM(HttpStatus.NOT_FOUND),
    UNKNOWN_SERVICE(HttpStatus.NOT_FOUND),
    UNKNOWN_SECURITY_SERVER(HttpStatus.NOT_FOUND),
    ALREADY_REGISTERED(HttpStatus.CONFLICT),
    STILL_IN_USE(HttpStatus.CONFLICT),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED),
    TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED),
    TOKEN_ALREADY_USED(HttpStatus.CONFLICT),
    SIGNER_NOT_REGISTERED(HttpStatus.FORBIDDEN),
    GLOBAL_CONFIGURATION_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    CentralError(HttpStatus status) {
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
