package tw.smartgov.trust.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/** Reads a PKCS#10 request, proves its signature and accepts only keys the CA supports. */
final class CsrReader {
    /** What the CA takes from a request: the subject name and the key to certify. */
    record Csr(X500Name subject, PublicKey publicKey) {}

    private CsrReader() {}

    static Csr read(byte[] pemOrDer) {
        JcaPKCS10CertificationRequest request = parse(pemOrDer);
        PublicKey key = supportedKey(request);
        verifySignature(request, key);
        return new Csr(request.getSubject(), key);
    }

    private static JcaPKCS10CertificationRequest parse(byte[] pemOrDer) {
        try {
            byte[] der = looksLikePem(pemOrDer) ? pemToDer(pemOrDer) : pemOrDer;
            return new JcaPKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw malformed();
        }
    }

    private static boolean looksLikePem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.US_ASCII).contains("-----BEGIN");
    }

    private static byte[] pemToDer(byte[] pem) throws IOException {
        try (var parser =
                new PEMParser(new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII))) {
            if (parser.readObject() instanceof PKCS10CertificationRequest request) {
                return request.getEncoded();
            }
            throw malformed();
        }
    }

    private static PublicKey supportedKey(JcaPKCS10CertificationRequest request) {
        SubjectPublicKeyInfo info = request.getSubjectPublicKeyInfo();
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            var curve = info.getAlgorithm().getParameters();
            if (!X9ObjectIdentifiers.prime256v1.equals(curve) && !SECObjectIdentifiers.secp384r1.equals(curve)) {
                throw unsupported("an EC key on a curve other than P-256 or P-384");
            }
            return publicKey(request);
        }
        if (algorithm.equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption)) {
            PublicKey key = publicKey(request);
            int bits = ((RSAPublicKey) key).getModulus().bitLength();
            if (bits < 2048) {
                throw unsupported("an RSA key of " + bits + " bits");
            }
            return key;
        }
        throw unsupported("a key of algorithm " + algorithm.getId());
    }

    private static PublicKey publicKey(JcaPKCS10CertificationRequest request) {
        try {
            return request.getPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw malformed();
        }
    }

    private static void verifySignature(JcaPKCS10CertificationRequest request, PublicKey key) {
        try {
            if (request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                return;
            }
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            // an unknown signature algorithm or a broken signature value: the request proves nothing
        }
        throw new TrustException(
                TrustError.CSR_SIGNATURE_INVALID,
                "the certificate signing request's signature does not match its public key:"
                        + " it was altered, or not signed with the private key of that public key");
    }

    private static TrustException malformed() {
        return new TrustException(
                TrustError.MALFORMED_CSR,
                "the request is not a PKCS#10 certificate signing request"
                        + " (expected PEM '-----BEGIN CERTIFICATE REQUEST-----' or DER)");
    }

    private static TrustException unsupported(String what) {
        return new TrustException(
                TrustError.UNSUPPORTED_KEY,
                "the request holds " + what + "; this CA certifies only EC P-256, EC P-384 and RSA keys"
                        + " of at least 2048 bits");
    }
}
