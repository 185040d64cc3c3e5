package tw.smartgov.troad.identifier;

/** A T-Road identifier was malformed; the message says which part and why. */
public class InvalidIdentifierException extends IllegalArgumentException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
