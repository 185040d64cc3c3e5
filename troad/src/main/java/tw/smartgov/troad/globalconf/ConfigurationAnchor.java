package tw.smartgov.troad.globalconf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.Pem;

/**
 * What a security server trusts before it has any global configuration: exported by the central
 * server ({@code GET /troad/anchor.json}) and installed on each security server out of band.
 *
 * <p>It pins the exact certificate that signs the global configuration (by SHA-256), not merely a
 * CA and a subject name: the same CA also certifies security servers' signing keys from CSRs
 * whose subjects they choose, so only a pin on the signer itself keeps a registered security
 * server from forging a configuration. When the central server's signer is re-keyed, a new anchor
 * must be distributed.
 *
 * @param instance the T-Road instance, e.g. {@code TW}
 * @param centralUrl base URL of the central server, e.g. {@code https://central.gov.tw}
 * @param signerCertificateSha256 hex SHA-256 of the DER of the certificate that signs the global
 *     configuration
 * @param rootCertificatePem the root CA of the instance, which certifies every security server
 */
public record ConfigurationAnchor(
        String instance, String centralUrl, String signerCertificateSha256, String rootCertificatePem) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ConfigurationAnchor {
        if (instance == null || instance.isBlank()) {
            throw new IllegalArgumentException("the anchor names no instance");
        }
        if (centralUrl == null || !centralUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("the anchor's centralUrl is not an http(s) URL: " + centralUrl);
        }
        if (signerCertificateSha256 == null || !CertificateFingerprint.isFingerprint(signerCertificateSha256)) {
            throw new IllegalArgumentException("the anchor's signerCertificateSha256 is not 64 lower-case hex digits");
        }
        if (rootCertificatePem == null) {
            throw new IllegalArgumentException("the anchor has no rootCertificatePem");
        }
        try {
            Pem.certificates(rootCertificatePem.getBytes(StandardCharsets.US_ASCII));
        } catch (TrustException e) {
            throw new IllegalArgumentException("the anchor's rootCertificatePem is not a PEM certificate", e);
        }
    }

    /**
     * @throws IllegalArgumentException if the bytes are not an anchor
     */
    public static ConfigurationAnchor parse(byte[] json) {
        try {
            return JSON.readValue(json, ConfigurationAnchor.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a configuration anchor: " + e.getOriginalMessage(), e);
        }
    }

    public static ConfigurationAnchor load(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration anchor " + file, e);
        }
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** Where the central server publishes the global configuration. */
    public URI globalConfigurationUrl() {
        return URI.create(centralUrl.replaceAll("/+$", "") + "/troad/globalconf");
    }
}
