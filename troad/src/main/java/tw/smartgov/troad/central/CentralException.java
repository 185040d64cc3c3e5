package tw.smartgov.troad.central;

/**
 * The central server refused a request. The message is written for a person and never contains a
 * token or key material.
 */
class CentralException extends RuntimeException {
    private final CentralError error;

    CentralException(CentralError error, String message) {
        super(message);
        this.error = error;
    }

    CentralError error() {
        return error;
    }
}
