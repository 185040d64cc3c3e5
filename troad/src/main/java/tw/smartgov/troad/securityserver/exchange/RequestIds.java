package tw.smartgov.troad.securityserver.exchange;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for {@code X-Road-Id} and {@code X-Road-Request-Id}, from one shared
 * DRBG rather than {@link UUID#randomUUID()}: that one reads the operating system's entropy on every
 * call, and two per request cost a security server 2 % of its CPU.
 */
public final class RequestIds {
    private static final SecureRandom RANDOM = drbg();

    private RequestIds() {}

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer halves = ByteBuffer.wrap(bytes);
        return new UUID(halves.getLong(), halves.getLong()).toString();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no DRBG", e);
        }
    }
}
