package tw.smartgov.trust.timestamp;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tw.smartgov.trust.keys.SigningIdentity;

/** Throwaway test PKI: a self-signed root and TSA certificates it issues, all EC P-256. */
final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private final SigningIdentity root;

    TestPki(String name) {
        KeyPair keys = keyPair();
        X509Certificate certificate = issue("CN=" + name + " Root", keys, "CN=" + name + " Root", keys, true, null);
        this.root = new SigningIdentity(keys.getPrivate(), List.of(certificate));
    }

    X509Certificate rootCertificate() {
        return root.certificate();
    }

    /** A TSA identity with the critical id-kp-timeStamping usage; chain: TSA, root. */
    SigningIdentity tsa(String name) {
        return leaf(name, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    }

    /** A signing identity without the time-stamping usage, which must not be accepted as a TSA. */
    SigningIdentity notATsa(String name) {
        return leaf(name, null);
    }

    private SigningIdentity leaf(String name, ExtendedKeyUsage usage) {
        KeyPair keys = keyPair();
        X509Certificate certificate = issue(
                "CN=" + name, keys, root.certificate().getSubjectX500Principal().getName(), null, false, usage);
        return new SigningIdentity(keys.getPrivate(), List.of(certificate, root.certificate()));
    }

    private X509Certificate issue(
            String subject,
            KeyPair subjectKeys,
            String issuer,
            KeyPair issuerKeys,
            boolean ca,
            ExtendedKeyUsage usage) {
        try {
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))),
                    new X500Name(subject),
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (usage != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, usage);
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(issuerKeys != null ? issuerKeys.getPrivate() : root.privateKey());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate for " + subject, e);
        }
    }

    private static KeyPair keyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
