package tw.smartgov.trust.timestamp;

import java.util.function.Supplier;

/**
 * Stamps with the built-in TSA by calling it directly, through the same DER request and the same
 * checks as a remote TSA, so both modes produce identical, equally verified tokens.
 */
final class InProcessTimeStamper implements TimeStamper {
    private final Supplier<TimeStampAuthority> authority;

    /** A supplier, so that the TSA's identity is only created when the first stamp is asked for. */
    InProcessTimeStamper(Supplier<TimeStampAuthority> authority) {
        this.authority = authority;
    }

    @Override
    public TimeStamp stamp(byte[] digest, String hashAlgorithm) {
        var exchange = new TimeStampExchange(digest, hashAlgorithm);
        TimeStampAuthority tsa = authority.get();
        byte[] response = tsa.respond(exchange.requestBytes());
        return exchange.accept(response, "the built-in TSA", new TimeStampVerifier(tsa.trustAnchor()));
    }
}
