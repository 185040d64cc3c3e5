package tw.smartgov.trust.timestamp;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.ECKey;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import tw.smartgov.trust.keys.SigningIdentity;

/** Builds the Bouncy Castle token generator: signature algorithm by key type, ESSCertIDv2 with SHA-256. */
final class TokenGenerators {
    private TokenGenerators() {}

    static TimeStampTokenGenerator create(SigningIdentity identity, ASN1ObjectIdentifier policy, Duration accuracy) {
        if (accuracy.toMillis() < 1) {
            throw new IllegalArgumentException("accuracy must be at least 1 ms: " + accuracy);
        }
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(digests)
                    .build(
                            new JcaContentSignerBuilder(signatureAlgorithm(identity.privateKey()))
                                    .build(identity.privateKey()),
                            identity.certificate());
            DigestCalculator certIdDigest = digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            var tokens = new TimeStampTokenGenerator(signer, certIdDigest, policy);
            tokens.addCertificates(new JcaCertStore(identity.chain()));
            setAccuracy(tokens, accuracy);
            return tokens;
        } catch (OperatorCreationException | CertificateEncodingException | TSPException e) {
            throw new IllegalArgumentException("cannot build a time-stamp signer for " + identity, e);
        }
    }

    private static void setAccuracy(TimeStampTokenGenerator tokens, Duration accuracy) {
        long seconds = accuracy.toSeconds();
        int millis = accuracy.toMillisPart();
        if (seconds > 0) {
            tokens.setAccuracySeconds(Math.toIntExact(seconds));
        }
        if (millis > 0) {
            tokens.setAccuracyMillis(millis);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> ecdsa((ECKey) key);
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported TSA key type " + key.getAlgorithm());
        };
    }

    private static String ecdsa(ECKey key) {
        int bits = key.getParams().getOrder().bitLength();
        return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }
}
