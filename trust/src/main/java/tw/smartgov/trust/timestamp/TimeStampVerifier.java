package tw.smartgov.trust.timestamp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * Verifies RFC 3161 time-stamp tokens offline, in this order: the bytes parse ({@code
 * MALFORMED_TIMESTAMP} otherwise); a certificate for the signer is found, embedded in the token
 * (request with certReq) or among the configured TSA certificates; it has the critical
 * id-kp-timeStamping usage; it chains to a trust anchor at the token's genTime (PKIX, without
 * revocation checking); the CMS signature and the ESSCertID binding verify; the message imprint
 * equals the expected digest. A failed check throws {@code TIMESTAMP_INVALID} with a message
 * naming the check. Immutable and thread-safe.
 */
public final class TimeStampVerifier {
    private final TsaCertificatePaths paths;
    private final List<X509Certificate> tsaCertificates;

    /** @param trustAnchor the root CA of the TSA, or the TSA certificate itself */
    public TimeStampVerifier(X509Certificate trustAnchor) {
        this(List.of(trustAnchor), List.of());
    }

    /**
     * @param trustAnchors root CAs (or TSA certificates) trusted to vouch for TSAs
     * @param tsaCertificates TSA and intermediate certificates, for tokens that embed none
     */
    public TimeStampVerifier(Collection<X509Certificate> trustAnchors, Collection<X509Certificate> tsaCertificates) {
        this.paths = new TsaCertificatePaths(trustAnchors);
        this.tsaCertificates = List.copyOf(tsaCertificates);
    }

    /**
     * Verifies a DER token (or a DER TimeStampResp holding one) over {@code data}, hashed with the
     * token's own imprint algorithm.
     */
    public VerifiedTimeStamp verify(byte[] token, byte[] data) {
        TimeStampToken parsed = TimeStampTokens.parseTokenOrResponse(token);
        String algorithm = HashAlgorithms.name(parsed.getTimeStampInfo().getMessageImprintAlgOID());
        return verify(parsed, HashAlgorithms.digest(algorithm, data), algorithm);
    }

    /** Verifies a DER token (or TimeStampResp) over a digest already computed with {@code hashAlgorithm}. */
    public VerifiedTimeStamp verifyDigest(byte[] token, byte[] digest, String hashAlgorithm) {
        return verify(TimeStampTokens.parseTokenOrResponse(token), digest, hashAlgorithm);
    }

    VerifiedTimeStamp verify(TimeStampToken token, byte[] digest, String hashAlgorithm) {
        TimeStampTokenInfo info = token.getTimeStampInfo();
        X509Certificate tsa = signerCertificate(token);
        TsaCertificates.problemWith(tsa).ifPresent(TimeStampVerifier::invalid);
        paths.requireChain(tsa, candidates(token), info.getGenTime());
        requireSignature(token, tsa);
        requireImprint(info, digest, HashAlgorithms.oid(hashAlgorithm));
        return new VerifiedTimeStamp(
                info.getGenTime().toInstant(),
                info.getSerialNumber(),
                info.getPolicy().getId(),
                HashAlgorithms.name(info.getMessageImprintAlgOID()),
                tsa.getSubjectX500Principal(),
                tsa);
    }

    private X509Certificate signerCertificate(TimeStampToken token) {
        return candidates(token).stream()
                .filter(c -> token.getSID().match(holder(c)))
                .findFirst()
                .orElseThrow(() -> new TrustException(
                        TrustError.TIMESTAMP_INVALID,
                        "no certificate for the TSA that signed this token: it embeds none that matches"
                                + " (requested without certReq?) and no configured TSA certificate matches"));
    }

    private List<X509Certificate> candidates(TimeStampToken token) {
        var all = new ArrayList<X509Certificate>();
        var converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
            try {
                all.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                invalid("the token embeds an unreadable certificate");
            }
        }
        all.addAll(tsaCertificates);
        return all;
    }

    private static void requireSignature(TimeStampToken token, X509Certificate tsa) {
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        } catch (TSPException | OperatorCreationException e) {
            invalid("the token's signature does not verify with the TSA certificate (" + e.getMessage() + ")");
        }
    }

    private static void requireImprint(TimeStampTokenInfo info, byte[] digest, ASN1ObjectIdentifier algorithm) {
        if (!info.getMessageImprintAlgOID().equals(algorithm)) {
            invalid("the message imprint uses " + HashAlgorithms.name(info.getMessageImprintAlgOID())
                    + ", not the expected " + HashAlgorithms.name(algorithm));
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), digest)) {
            invalid("the message imprint does not match the data: the token stamps other data");
        }
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot re-encode a parsed certificate", e);
        }
    }

    private static void invalid(String message) {
        throw new TrustException(TrustError.TIMESTAMP_INVALID, "time-stamp check failed: " + message);
    }
}
