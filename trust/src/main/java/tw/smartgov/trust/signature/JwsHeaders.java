package tw.smartgov.trust.signature;

import org.jspecify.annotations.Nullable;

/**
 * The optional, informational JWS header parameters a signer may set.
 *
 * @param type {@code typ}: the media type of the whole JWS, e.g. {@code smartgov-receipt+jws}
 * @param contentType {@code cty}: the media type of the payload, e.g. {@code json}
 */
public record JwsHeaders(@Nullable String type, @Nullable String contentType) {
    /** No {@code typ} and no {@code cty}. */
    public static final JwsHeaders NONE = new JwsHeaders(null, null);
}
