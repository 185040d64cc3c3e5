package tw.smartgov.troad.globalconf;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.signature.JwsVerifier;
import tw.smartgov.trust.signature.VerifiedJws;

/**
 * Verifies a signed global configuration against a {@link ConfigurationAnchor}: an ES256 compact
 * JWS of type {@value #TYPE} whose signature matches the key of its {@code x5c} leaf, that leaf
 * being exactly the certificate the anchor pins and valid now, over a configuration of the
 * anchor's instance. Every refusal is a {@link GlobalConfigurationException}. Thread-safe.
 */
public final class GlobalConfigurationVerifier {
    /** The {@code typ} header of a signed global configuration. */
    public static final String TYPE = "troad-globalconf+jws";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConfigurationAnchor anchor;
    private final Clock clock;
    private final JwsVerifier signatures;

    public GlobalConfigurationVerifier(ConfigurationAnchor anchor, Clock clock) {
        this.anchor = anchor;
        this.clock = clock;
        // Only the signature check of JwsVerifier is used: trust comes from the anchor's pin.
        List<X509Certificate> root =
                Pem.certificates(anchor.rootCertificatePem().getBytes(StandardCharsets.US_ASCII));
        this.signatures = new JwsVerifier(new CertificateValidator(root, List::of));
    }

    /** Verifies without a rollback check (for the first document). */
    public GlobalConfiguration verify(String jws) {
        return verify(jws, null);
    }

    /**
     * @param lastApplied the configuration in use, if any: an older one is refused as ROLLBACK
     */
    public GlobalConfiguration verify(String jws, @Nullable GlobalConfiguration lastApplied) {
        VerifiedJws verified = checkSignature(jws.strip());
        checkSigner(verified.signer());
        if (!TYPE.equals(verified.type())) {
            throw new GlobalConfigurationException(
                    GlobalConfigurationException.Reason.MALFORMED,
                    "the JWS is of type " + verified.type() + ", not " + TYPE);
        }
        GlobalConfiguration configuration = parse(verified.payload());
        if (!anchor.instance().equals(configuration.instance())) {
            throw new GlobalConfigurationException(
                    GlobalConfigurationException.Reason.INSTANCE_MISMATCH,
                    "the configuration is for instance " + configuration.instance() + ", the anchor for "
                            + anchor.instance());
        }
        checkNotOlder(configuration, lastApplied);
        return configuration;
    }

    private VerifiedJws checkSignature(String jws) {
        try {
            return signatures.verifySignatureOnly(jws);
        } catch (TrustException e) {
            var reason = switch (e.error()) {
                case SIGNATURE_INVALID -> GlobalConfigurationException.Reason.INVALID_SIGNATURE;
                default -> GlobalConfigurationException.Reason.MALFORMED;
            };
            throw new GlobalConfigurationException(reason, String.valueOf(e.getMessage()), e);
        }
    }

    private void checkSigner(X509Certificate signer) {
        if (!CertificateFingerprint.sha256(signer).equals(anchor.signerCertificateSha256())) {
            throw new GlobalConfigurationException(
                    GlobalConfigurationException.Reason.UNTRUSTED_SIGNER,
                    "the configuration is signed by "
                            + signer.getSubjectX500Principal().getName() + ", not by the certificate the anchor pins");
        }
        try {
            signer.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new GlobalConfigurationException(
                    GlobalConfigurationException.Reason.UNTRUSTED_SIGNER,
                    "the pinned signer certificate is not valid now (" + e.getMessage()
                            + "); install the central server's new anchor",
                    e);
        }
    }

    private static GlobalConfiguration parse(byte[] payload) {
        try {
            return JSON.readValue(payload, GlobalConfiguration.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new GlobalConfigurationException(
                    GlobalConfigurationException.Reason.MALFORMED,
                    "the signed payload is not a global configuration",
                    e);
        }
    }

    private static void checkNotOlder(GlobalConfiguration next, @Nullable GlobalConfiguration last) {
        if (last == null) {
            return;
        }
        boolean older = next.version() < last.version()
                || (next.version() == last.version() && next.generatedAt().isBefore(last.generatedAt()));
        if (older) {
            throw new GlobalConfigurationException(
                    GlobalConfigurationException.Reason.ROLLBACK,
                    "the configuration (version " + next.version() + ", generated " + next.generatedAt()
                            + ") is older than the one in use (version " + last.version() + ", generated "
                            + last.generatedAt() + ")");
        }
    }
}
