package tw.smartgov.troad.securityserver.admin;

/**
 * Whether the message log's time-stamping works, for the security server's health. Provided as a
 * bean by the runtime wiring; optional.
 */
@FunctionalInterface
public interface TimeStampingStatus {
    /** The latest outcome of time-stamping the message log. */
    Status status();

    /**
     * @param up true if the last time-stamp request succeeded
     * @param detail for a person, e.g. the TSA's name and when it last answered
     */
    record Status(boolean up, String detail) {}
}
