package tw.smartgov.troad.securityserver.peers;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfiguration.SecurityServerEntry;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.RevocationSource;
import tw.smartgov.trust.signature.BatchVerifier;
import tw.smartgov.trust.signature.JwsVerifier;
import tw.smartgov.trust.signature.SignerCertificates;

/**
 * Trust in other security servers, derived from the global configuration: its CAs are the trust
 * anchors, its server entries pin TLS and signing certificates. Validators are rebuilt when the
 * configuration changes (identity comparison: a new version is a new object).
 */
public final class PeerTrust {
    private record Derived(GlobalConfiguration conf, CertificateValidator validator, BatchVerifier verifier) {}

    private static final int MAX_FINGERPRINTS = 1_000;
    // keyed by the certificate (equal = same encoding), so the value is a function of the key
    private static final Map<X509Certificate, String> FINGERPRINTS = new ConcurrentHashMap<>();

    private final Supplier<GlobalConfiguration> configuration;
    private final RevocationSource revocation;
    private final Clock clock;
    private final Consumer<Collection<List<X509Certificate>>> signersSeen;
    private volatile Derived derived;

    /**
     * @param configuration the current global configuration, unchecked for expiry: a TLS handshake
     *     is checked again per request
     * @param signersSeen given the peers' signing chains of each configuration before any message
     *     is verified with them (the message log keeps them for evidence)
     */
    public PeerTrust(
            Supplier<GlobalConfiguration> configuration,
            RevocationSource revocation,
            Clock clock,
            Consumer<Collection<List<X509Certificate>>> signersSeen) {
        this.configuration = configuration;
        this.revocation = revocation;
        this.clock = clock;
        this.signersSeen = signersSeen;
        this.derived = derive(configuration.get());
    }

    private Derived current() {
        GlobalConfiguration conf = configuration.get();
        Derived known = derived;
        if (known.conf() != conf) {
            known = derive(conf);
            derived = known;
        }
        return known;
    }

    private Derived derive(GlobalConfiguration conf) {
        var validator = new CertificateValidator(conf.caCertificates(), revocation);
        List<List<X509Certificate>> signers = conf.securityServers().stream()
                .flatMap(s -> s.signingChain().stream())
                .toList();
        signersSeen.accept(signers);
        var verifier = new BatchVerifier(
                new JwsVerifier(validator, CertificateProfile.SIGNING, SignerCertificates.of(signers)));
        return new Derived(conf, validator, verifier);
    }

    /** Validates a peer's TLS chain (trusted CA, TLS_PEER usage, not revoked); TrustException if not. */
    public void validateTls(List<X509Certificate> chain) {
        current().validator().validate(chain, CertificateProfile.TLS_PEER, clock.instant());
    }

    public BatchVerifier verifier() {
        return current().verifier();
    }

    /** The server entry whose pinned TLS certificate this is. */
    public Optional<SecurityServerEntry> serverByTls(X509Certificate certificate) {
        String fingerprint = sha256Hex(certificate);
        return current().conf().securityServers().stream()
                .filter(s -> s.tlsCertificateSha256().equalsIgnoreCase(fingerprint))
                .findFirst();
    }

    /** The server entries listening at this host and port. */
    public List<SecurityServerEntry> serversAt(String host, int port) {
        return current().conf().securityServers().stream()
                .filter(s -> Addresses.matches(s.address(), host, port))
                .toList();
    }

    /** The SHA-256 fingerprint (hex) of {@code certificate}, as pinned in the global configuration. */
    public static String sha256Hex(X509Certificate certificate) {
        // asked twice per message, mostly about the same few peer certificates
        String known = FINGERPRINTS.get(certificate);
        if (known != null) {
            return known;
        }
        try {
            String fingerprint = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            if (FINGERPRINTS.size() >= MAX_FINGERPRINTS) {
                FINGERPRINTS.clear();
            }
            FINGERPRINTS.put(certificate, fingerprint);
            return fingerprint;
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a parsed certificate", e);
        }
    }
}
