package tw.smartgov.trust.ca;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * The built-in two-level certificate authority: a self-signed root (path length 1, 20 years) and an
 * issuing CA below it (path length 0, 5 years), both created at first start with their keys in the
 * {@link KeyVault}. The issuing CA certifies keys from PKCS#10 requests and records each
 * certificate in {@code trust.issued_certificate}.
 *
 * <p>Revocation is published as a CRL (not OCSP): one small signed file that relying parties and
 * offline verifiers can cache and that needs no online responder. It is re-signed on every
 * revocation and every hour, and is current for {@link CrlPublisher#LIFETIME}.
 *
 * <p>Thread-safe.
 */
@Component
public class CertificateAuthority {
    static final String ROOT_ALIAS = "ca-root";
    static final String ISSUING_ALIAS = "ca-issuing";
    private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365 + 5);
    private static final Duration ISSUING_VALIDITY = Duration.ofDays(5 * 365 + 1);
    // Certificates start a little in the past so that relying parties with a slow clock accept them.
    private static final Duration BACKDATING = Duration.ofMinutes(5);

    private final SigningIdentity issuing;
    private final IssuedCertificateRepository certificates;
    private final CrlPublisher crlPublisher;
    private final AtomicReference<X509CRL> crl = new AtomicReference<>();

    /** @param migrated only orders this bean after the schema migrations */
    public CertificateAuthority(KeyVault vault, JdbcTemplate jdbc, SchemaMigrations migrated) {
        SigningIdentity root = vault.getOrCreate(ROOT_ALIAS, CertificateAuthority::selfSignedRoot);
        this.issuing = vault.getOrCreate(ISSUING_ALIAS, keys -> issuingCa(keys, root));
        this.certificates = new IssuedCertificateRepository(jdbc);
        this.crlPublisher = new CrlPublisher(issuing, certificates);
        refreshCrl();
    }

    /** The root certificate: the trust anchor of every chain this CA issues. */
    public X509Certificate root() {
        return issuing.chain().getLast();
    }

    /** The issuing CA's certificate. */
    public X509Certificate issuingCertificate() {
        return issuing.certificate();
    }

    /** The issuing CA's chain: issuing CA, then root. */
    public List<X509Certificate> caChain() {
        return issuing.chain();
    }

    /**
     * Certifies the key of a CSR.
     *
     * @return the chain, leaf first, then the issuing CA and the root
     * @throws TrustException MALFORMED_CSR, CSR_SIGNATURE_INVALID, UNSUPPORTED_KEY or INVALID_ARGUMENT
     */
    public List<X509Certificate> issue(IssuanceRequest request) {
        CsrReader.Csr csr = CsrReader.read(request.csr());
        return issue(csr.subject(), csr.publicKey(), request);
    }

    /** Certifies a key this node generated itself (no CSR needed: it holds the private key). */
    List<X509Certificate> issue(X500Name subject, PublicKey key, IssuanceRequest request) {
        Instant now = Instant.now();
        Instant notAfter = min(
                now.plus(request.validityOrDefault()),
                issuing.certificate().getNotAfter().toInstant());
        var builder = CertificateBuilder.issuedBy(issuing.certificate(), subject, key, now.minus(BACKDATING), notAfter);
        ProfileExtensions.apply(builder, request.profile(), request.dnsNames(), request.ipAddresses());
        X509Certificate certificate = builder.signWith(issuing.privateKey());
        certificates.insert(certificate, request.profile(), now);
        return List.of(certificate, issuing.certificate(), root());
    }

    /** The record of a certificate this CA issued. */
    public Optional<IssuedCertificate> find(BigInteger serial) {
        return certificates.find(serial);
    }

    /**
     * Revokes a certificate and re-signs the CRL at once. Revoking it again changes nothing.
     *
     * @throws TrustException UNKNOWN_CERTIFICATE if this CA never issued that serial
     */
    public IssuedCertificate revoke(BigInteger serial, RevocationReason reason) {
        if (!certificates.revoke(serial, reason, Instant.now())) {
            throw new TrustException(
                    TrustError.UNKNOWN_CERTIFICATE, "this CA issued no certificate with serial " + serial.toString(16));
        }
        refreshCrl();
        return certificates.find(serial).orElseThrow();
    }

    /** The current CRL, signed by the issuing CA. */
    public X509CRL crl() {
        return crl.get();
    }

    /** Where validators get this CA's revocation status: always its current CRL. */
    public RevocationSource revocationSource() {
        return () -> List.of(crl());
    }

    /** Re-signs the CRL so that it is never stale, even without revocations. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    public synchronized void refreshCrl() {
        crl.set(crlPublisher.publish(Instant.now()));
    }

    private static List<X509Certificate> selfSignedRoot(KeyPair keys) {
        Instant now = Instant.now();
        return List.of(CertificateBuilder.selfSigned(
                        new X500Name("CN=SmartGov Root CA,O=SmartGov"),
                        keys.getPublic(),
                        now.minus(BACKDATING),
                        now.plus(ROOT_VALIDITY))
                .certificateAuthority(1)
                .signWith(keys.getPrivate()));
    }

    private static List<X509Certificate> issuingCa(KeyPair keys, SigningIdentity root) {
        Instant now = Instant.now();
        Instant notAfter =
                min(now.plus(ISSUING_VALIDITY), root.certificate().getNotAfter().toInstant());
        X509Certificate certificate = CertificateBuilder.issuedBy(
                        root.certificate(),
                        new X500Name("CN=SmartGov Issuing CA,O=SmartGov"),
                        keys.getPublic(),
                        now.minus(BACKDATING),
                        notAfter)
                .certificateAuthority(0)
                .signWith(root.privateKey());
        return List.of(certificate, root.certificate());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
