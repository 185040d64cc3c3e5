package tw.smartgov.trust.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;

/** A throwaway CA for unit tests: a keystore in a temporary folder and an in-memory H2 database. */
public final class TestPki {
    private TestPki() {}

    public static CertificateAuthority newCa() {
        try {
            var vault = new KeyVault(
                    Files.createTempDirectory("smartgov-ca-test").resolve("keys.p12"), "test".toCharArray());
            var dataSource = new DriverManagerDataSource(
                    "jdbc:h2:mem:ca" + UUID.randomUUID().toString().replace("-", "")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            var migrations = new SchemaMigrations(dataSource, List.of(new ModuleSchema("trust")));
            return new CertificateAuthority(vault, new JdbcTemplate(dataSource), migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh EC P-256 key certified by {@code ca} for {@code profile}. */
    public static SigningIdentity identity(CertificateAuthority ca, CertificateProfile profile) {
        KeyPair keys = keyPair("EC", "secp256r1");
        var request =
                new IssuanceRequest(csr(keys, "CN=test signer"), profile, List.of("signer.test"), List.of(), null);
        return new SigningIdentity(keys.getPrivate(), ca.issue(request));
    }

    /** The chain of a certificate from {@code ca} for a key the caller holds. */
    public static List<java.security.cert.X509Certificate> certify(
            CertificateAuthority ca, java.security.PublicKey key, CertificateProfile profile) {
        var request = new IssuanceRequest(new byte[0], profile, List.of("signer.test"), List.of(), null);
        return ca.issue(new X500Name("CN=test key"), key, request);
    }

    public static KeyPair keyPair(String algorithm, Object parameter) {
        try {
            var generator = KeyPairGenerator.getInstance(algorithm);
            if (parameter instanceof String curve && !curve.equals("none")) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (parameter instanceof Integer bits) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PEM CSR for {@code keys}. */
    public static byte[] csr(KeyPair keys, String subject) {
        return Pem.block("CERTIFICATE REQUEST", csrDer(keys, subject)).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] csrDer(KeyPair keys, String subject) {
        try {
            String algorithm = switch (keys.getPrivate().getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                case "EdDSA" -> "Ed25519";
                default -> keys.getPrivate().getAlgorithm();
            };
            var signer = new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
            return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                    .build(signer)
                    .getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
