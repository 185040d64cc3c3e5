package tw.smartgov.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tw.smartgov.trust.ModuleSchema;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.IssuanceRequest;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsSigner;
import tw.smartgov.trust.signature.JwsVerifier;

/**
 * ES256 throughput on one thread: the raw JDK (SHA256withECDSA, SunEC) as the reference, then
 * {@link JwsSigner} and {@link JwsVerifier} (signature only, and with full chain validation against
 * a throwaway CA in a temporary keystore and an in-memory H2 database).
 */
public final class SignatureBench {
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;
    private static volatile @Nullable Object sink;

    private SignatureBench() {}

    public static void main(String[] args) {
        run(System.out);
    }

    public static void run(PrintStream out) {
        byte[] payload = new byte[256];
        new Random(42).nextBytes(payload);
        CertificateAuthority ca = throwawayCa();
        SigningIdentity identity = signingIdentity(ca);
        out.printf("ES256 over a %d-byte payload, one thread, %s%n", payload.length, Runtime.version());
        rawJdk(out, identity, payload);
        var signer = new JwsSigner(identity);
        var verifier = new JwsVerifier(new CertificateValidator(List.of(ca.root()), ca.revocationSource()));
        String jws = signer.sign(payload);
        report(out, "JwsSigner.sign (ES256, x5c)", () -> signer.sign(payload));
        report(out, "JwsVerifier.verifySignatureOnly", () -> verifier.verifySignatureOnly(jws));
        report(out, "JwsVerifier.verify (+ chain, CRL)", () -> verifier.verify(jws));
        // At a moderate rate (a T-Road exchange signs one lone message per side), what one signature
        // costs the signing thread, with the nonce computed during the signature or ahead of it.
        var ahead = new JwsSigner(identity, JwsSigner.SignerReference.CHAIN, JwsSigner.Nonces.COMPUTED_AHEAD);
        paced(out, "JwsSigner.sign, RFC 6979 nonce", () -> signer.sign(payload));
        paced(out, "JwsSigner.sign, nonce computed ahead", () -> ahead.sign(payload));
    }

    // One signature every millisecond for 2 s after 1 s of the same: the p50 and p99 of one call.
    private static void paced(PrintStream out, String name, Operation operation) {
        long[] nanos = new long[2_000];
        try {
            for (int i = -1_000; i < nanos.length; i++) {
                long start = System.nanoTime();
                sink = operation.run();
                long took = System.nanoTime() - start;
                if (i >= 0) {
                    nanos[i] = took;
                }
                LockSupport.parkNanos(1_000_000 - Math.min(took, 900_000));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Arrays.sort(nanos);
        out.printf(
                "%-36s p50 %,6.1f us, p99 %,6.1f us (one call per ms)%n",
                name, nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 99 / 100] / 1e3);
    }

    private static void rawJdk(PrintStream out, SigningIdentity identity, byte[] payload) {
        try {
            Signature signing = Signature.getInstance("SHA256withECDSA");
            Signature verifying = Signature.getInstance("SHA256withECDSA");
            signing.initSign(identity.privateKey());
            signing.update(payload);
            byte[] signature = signing.sign();
            out.printf("(JDK provider: %s)%n", signing.getProvider().getName());
            report(out, "JDK SHA256withECDSA sign", () -> {
                signing.update(payload);
                return signing.sign();
            });
            report(out, "JDK SHA256withECDSA verify", () -> {
                verifying.initVerify(identity.certificate().getPublicKey());
                verifying.update(payload);
                return verifying.verify(signature);
            });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Operation {
        Object run() throws Exception;
    }

    private static void report(PrintStream out, String name, Operation operation) {
        loop(operation, WARM_UP_NANOS);
        double perSecond = loop(operation, MEASURE_NANOS);
        out.printf("%-36s %,10.0f ops/s%n", name, perSecond);
    }

    private static double loop(Operation operation, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        try {
            while (System.nanoTime() - start < nanos) {
                sink = operation.run();
                count++;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return count * 1e9 / (System.nanoTime() - start);
    }

    static CertificateAuthority throwawayCa() {
        try {
            var vault = new KeyVault(
                    Files.createTempDirectory("smartgov-bench").resolve("keys.p12"), "bench".toCharArray());
            var dataSource = new DriverManagerDataSource(
                    "jdbc:h2:mem:bench" + UUID.randomUUID().toString().replace("-", "")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            var migrations = new SchemaMigrations(dataSource, List.of(new ModuleSchema("trust")));
            return new CertificateAuthority(vault, new JdbcTemplate(dataSource), migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SigningIdentity signingIdentity(CertificateAuthority ca) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=bench signer"), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
                    .getEncoded();
            return new SigningIdentity(
                    keys.getPrivate(), ca.issue(IssuanceRequest.of(csr, CertificateProfile.SIGNING)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
