package tw.smartgov.troad.securityserver.admin;

/** A refused management request; the message is written for a person and says what to fix. */
class AdminException extends RuntimeException {
    private final AdminError error;

    AdminException(AdminError error, String message) {
        super(message);
        this.error = error;
    }

    AdminError error() {
        return error;
    }
}
