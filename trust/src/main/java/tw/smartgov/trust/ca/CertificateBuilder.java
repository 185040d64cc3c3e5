package tw.smartgov.trust.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds and signs X.509 certificates with Bouncy Castle. Signing and conversion use the JDK's
 * default providers, so Bouncy Castle is never registered as a global provider (which would change
 * the provider every other JCA user in the JVM gets).
 */
final class CertificateBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509v3CertificateBuilder builder;
    private final JcaX509ExtensionUtils extensions;

    private CertificateBuilder(X500Name issuer, X500Name subject, PublicKey key, Instant from, Instant to) {
        this.builder =
                new JcaX509v3CertificateBuilder(issuer, randomSerial(), Date.from(from), Date.from(to), subject, key);
        try {
            this.extensions = new JcaX509ExtensionUtils();
            add(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 (for key identifiers) is not available", e);
        }
    }

    /** A certificate for {@code key}, issued by {@code issuer}. */
    static CertificateBuilder issuedBy(
            X509Certificate issuer, X500Name subject, PublicKey key, Instant from, Instant to) {
        var b = new CertificateBuilder(
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), subject, key, from, to);
        try {
            b.add(Extension.authorityKeyIdentifier, false, b.extensions.createAuthorityKeyIdentifier(issuer));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the authority key identifier", e);
        }
        return b;
    }

    /** A self-signed certificate. */
    static CertificateBuilder selfSigned(X500Name subject, PublicKey key, Instant from, Instant to) {
        var b = new CertificateBuilder(subject, subject, key, from, to);
        b.add(Extension.authorityKeyIdentifier, false, b.extensions.createAuthorityKeyIdentifier(key));
        return b;
    }

    /** Marks a CA that may have {@code pathLength} CAs below it. */
    CertificateBuilder certificateAuthority(int pathLength) {
        add(Extension.basicConstraints, true, new BasicConstraints(pathLength));
        return add(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    CertificateBuilder add(
            org.bouncycastle.asn1.ASN1ObjectIdentifier oid,
            boolean critical,
            org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
        return this;
    }

    X509Certificate signWith(PrivateKey key) {
        try {
            var signer = new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    static String signatureAlgorithm(PrivateKey key) {
        return key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }

    /** 128 random bits: unguessable, positive, and far within RFC 5280's 20-octet limit. */
    static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }
}
