package tw.smartgov.trust.timestamp;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-stamp serial numbers: a random 63-bit prefix chosen per instance, then a 64-bit counter.
 * The counter makes serials unique within one instance without any storage; the random prefix
 * makes a collision across restarts or replicas negligible (RFC 3161 allows up to 160 bits).
 */
final class SerialNumbers {
    private final BigInteger prefix;
    private final AtomicLong counter = new AtomicLong();

    SerialNumbers(SecureRandom random) {
        this.prefix =
                BigInteger.valueOf(random.nextLong() >>> 1).add(BigInteger.ONE).shiftLeft(64);
    }

    BigInteger next() {
        long n = counter.getAndIncrement();
        return prefix.or(new BigInteger(Long.toUnsignedString(n)));
    }
}
