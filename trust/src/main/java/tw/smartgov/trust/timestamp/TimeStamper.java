package tw.smartgov.trust.timestamp;

/**
 * Obtains RFC 3161 time-stamps: from a remote TSA over HTTP ({@link TimeStampClient}) or from the
 * built-in TSA in this process. Every returned token has been checked: status granted, nonce and
 * message imprint as requested, signature valid and chained to the configured trust anchor.
 *
 * <p>Failures: {@code TSA_UNAVAILABLE} when the TSA cannot be reached in time, {@code
 * TIMESTAMP_INVALID} when it refuses or answers with a token that fails a check, {@code
 * MALFORMED_TIMESTAMP} when its answer cannot be parsed, {@code INVALID_ARGUMENT} for an unsupported
 * hash algorithm or a digest of the wrong length.
 */
public interface TimeStamper {
    /**
     * @param digest the digest of the data to stamp
     * @param hashAlgorithm {@code SHA-256}, {@code SHA-384} or {@code SHA-512}
     */
    TimeStamp stamp(byte[] digest, String hashAlgorithm);

    /** Stamps the SHA-256 digest of {@code data}. */
    default TimeStamp stamp(byte[] data) {
        return stamp(HashAlgorithms.digest("SHA-256", data), "SHA-256");
    }
}
