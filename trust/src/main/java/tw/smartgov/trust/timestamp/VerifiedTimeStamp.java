package tw.smartgov.trust.timestamp;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;

/**
 * What a time-stamp token proves once verified: that data with this digest existed at {@code
 * genTime}, according to the TSA named by {@code tsaSubject}.
 *
 * @param genTime when the TSA stamped the data (give or take the token's stated accuracy)
 * @param serialNumber the TSA's serial number of the token
 * @param policy the TSA policy OID, dotted
 * @param hashAlgorithm the message-imprint algorithm, {@code SHA-256}, {@code SHA-384} or {@code SHA-512}
 * @param tsaSubject subject of the certificate that signed the token
 * @param tsaCertificate the certificate that signed the token, chained to a trust anchor
 */
public record VerifiedTimeStamp(
        Instant genTime,
        BigInteger serialNumber,
        String policy,
        String hashAlgorithm,
        X500Principal tsaSubject,
        X509Certificate tsaCertificate) {}
