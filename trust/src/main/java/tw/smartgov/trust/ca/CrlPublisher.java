package tw.smartgov.trust.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tw.smartgov.trust.keys.SigningIdentity;

/** Signs the issuing CA's CRL over the revoked, unexpired certificates. */
final class CrlPublisher {
    /** How long a CRL is current; it is re-signed far more often (see CertificateAuthority). */
    static final Duration LIFETIME = Duration.ofDays(1);

    private final SigningIdentity issuing;
    private final IssuedCertificateRepository certificates;

    CrlPublisher(SigningIdentity issuing, IssuedCertificateRepository certificates) {
        this.issuing = issuing;
        this.certificates = certificates;
    }

    X509CRL publish(Instant now) {
        var builder = new X509v2CRLBuilder(
                X500Name.getInstance(
                        issuing.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(LIFETIME)));
        for (IssuedCertificate revoked : certificates.revokedUnexpired(now)) {
            builder.addCRLEntry(
                    revoked.serial(),
                    Date.from(revoked.revokedAt()),
                    java.util.Objects.requireNonNull(revoked.revocationReason(), "a revoked certificate has a reason")
                            .code());
        }
        try {
            // Milliseconds since the epoch increase with every CRL without a counter to persist.
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing.certificate()));
            var signer = new JcaContentSignerBuilder(CertificateBuilder.signatureAlgorithm(issuing.privateKey()))
                    .build(issuing.privateKey());
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the CRL", e);
        }
    }
}
