package tw.smartgov.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import javax.sql.DataSource;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.IssuanceRequest;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * The benchmark's CA: trust's {@link CertificateAuthority} on a throwaway keystore and the
 * benchmark database, issuing EC P-256 identities through ordinary CSRs (like trust's test PKI).
 */
final class BenchPki {
    private final CertificateAuthority ca;

    BenchPki(Path workDir, DataSource dataSource, SchemaMigrations migrations) {
        var vault = new KeyVault(workDir.resolve("ca-keys.p12"), "bench".toCharArray());
        this.ca = new CertificateAuthority(vault, new JdbcTemplate(dataSource), migrations);
    }

    CertificateAuthority ca() {
        return ca;
    }

    /** A fresh EC P-256 key certified for {@code profile}. */
    SigningIdentity identity(String subject, CertificateProfile profile) {
        KeyPair keys = keyPair();
        var request =
                new IssuanceRequest(csr(keys, subject), profile, List.of("localhost"), List.of("127.0.0.1"), null);
        return new SigningIdentity(keys.getPrivate(), ca.issue(request));
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

    private static byte[] csr(KeyPair keys, String subject) {
        try {
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                    .build(signer)
                    .getEncoded();
            return Pem.block("CERTIFICATE REQUEST", der).getBytes(StandardCharsets.US_ASCII);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
