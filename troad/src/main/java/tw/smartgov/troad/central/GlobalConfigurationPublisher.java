package tw.smartgov.troad.central;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.TroadProperties;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.troad.globalconf.ConfigurationAnchor;
import tw.smartgov.troad.globalconf.GlobalConfiguration;
import tw.smartgov.troad.globalconf.GlobalConfigurationVerifier;
import tw.smartgov.trust.SchemaMigrations;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.ServiceIdentities;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.CanonicalJson;
import tw.smartgov.trust.signature.JwsHeaders;
import tw.smartgov.trust.signature.JwsSigner;

/**
 * Publishes the global configuration: an ES256 compact JWS ({@code typ} {@value
 * GlobalConfigurationVerifier#TYPE}, signer chain in {@code x5c}) over the RFC 8785 canonical JSON
 * of a {@link GlobalConfiguration}, signed by this node's {@code globalconf} service identity.
 *
 * <p>The version goes up by one exactly when the content (members, subsystems, security servers,
 * CAs, TSAs) changes. The same content is re-signed with a new expiry once less than half of its
 * validity ({@code smartgov.troad.global-configuration-validity}) remains. Versions are kept in
 * the database, so every central node serves the same one. Thread-safe.
 */
@CentralRole
@Component
public class GlobalConfigurationPublisher {
    private static final Logger log = LoggerFactory.getLogger(GlobalConfigurationPublisher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A published version and its signed form. */
    public record Published(GlobalConfiguration configuration, String jws) {}

    private final ConfigurationContent content;
    private final PublishedConfigurations published;
    private final SigningIdentity signer;
    private final JwsSigner jws;
    private final CertificateAuthority ca;
    private final TroadProperties properties;
    private final CentralUrl centralUrl;
    private final Clock clock = Clock.systemUTC();

    /** @param migrated only orders this bean after the schema migrations */
    GlobalConfigurationPublisher(
            ConfigurationContent content,
            PublishedConfigurations published,
            ServiceIdentities identities,
            CertificateAuthority ca,
            TroadProperties properties,
            CentralUrl centralUrl,
            SchemaMigrations migrated) {
        this.content = content;
        this.published = published;
        this.signer = identities.identity("globalconf", CertificateProfile.SIGNING);
        this.jws = new JwsSigner(signer);
        this.ca = ca;
        this.properties = properties;
        this.centralUrl = centralUrl;
    }

    /** The version to serve now: the latest, published or re-signed first if it is missing or stale. */
    public Published current() {
        var latest = published.latest();
        if (latest.isEmpty() || needsResigning(latest.get(), clock.instant())) {
            return publish();
        }
        return decode(latest.get().jws());
    }

    /** Publishes the registry's current content: a new version if it changed, else a fresh signature if due. */
    public synchronized Published publish() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var latest = published.latest();
        GlobalConfiguration next = content.build(0, now, now.plus(properties.globalConfigurationValidity()));
        String hash = contentHash(next);
        if (latest.isPresent() && latest.get().contentSha256().equals(hash)) {
            if (!needsResigning(latest.get(), now)) {
                return decode(latest.get().jws());
            }
            var row = sign(withVersion(next, latest.get().version()), hash);
            published.resign(latest.get(), row);
            return decode(published.latest().orElseThrow().jws());
        }
        long version = latest.map(r -> r.version() + 1).orElse(1L);
        var row = sign(withVersion(next, version), hash);
        if (published.insert(row)) {
            log.info("global configuration version {} published", version);
        }
        return decode(published.latest().orElseThrow().jws());
    }

    @Scheduled(fixedDelayString = "${smartgov.troad.global-configuration-check:PT30S}")
    void refresh() {
        try {
            publish();
        } catch (RuntimeException e) {
            log.error("the global configuration could not be published", e);
        }
    }

    /** The anchor security servers pin: this instance, this URL, this node's signer and the CA root. */
    public ConfigurationAnchor anchor() {
        return new ConfigurationAnchor(
                properties.instance(),
                centralUrl.get(),
                CertificateFingerprint.sha256(signer.certificate()),
                Pem.encode(List.of(ca.root())));
    }

    private boolean needsResigning(PublishedConfigurations.Row row, Instant now) {
        Duration left = Duration.between(now, row.expiresAt());
        return left.compareTo(properties.globalConfigurationValidity().dividedBy(2)) < 0;
    }

    private PublishedConfigurations.Row sign(GlobalConfiguration configuration, String hash) {
        String signed = jws.sign(canonical(configuration), new JwsHeaders(GlobalConfigurationVerifier.TYPE, "json"));
        return new PublishedConfigurations.Row(
                configuration.version(), hash, signed, configuration.generatedAt(), configuration.expiresAt());
    }

    private static String contentHash(GlobalConfiguration configuration) {
        var timeless = new GlobalConfiguration(
                configuration.instance(),
                0,
                Instant.EPOCH,
                Instant.EPOCH,
                configuration.members(),
                configuration.securityServers(),
                configuration.certificateAuthorities(),
                configuration.timeStampingAuthorities());
        return CertificateFingerprint.sha256(canonical(timeless));
    }

    private static GlobalConfiguration withVersion(GlobalConfiguration c, long version) {
        return new GlobalConfiguration(
                c.instance(),
                version,
                c.generatedAt(),
                c.expiresAt(),
                c.members(),
                c.securityServers(),
                c.certificateAuthorities(),
                c.timeStampingAuthorities());
    }

    private static byte[] canonical(GlobalConfiguration configuration) {
        return CanonicalJson.canonicalize(JSON.writeValueAsString(configuration));
    }

    private static Published decode(String signed) {
        // Our own signature over our own table: parsing the payload is enough here.
        byte[] payload = Base64.getUrlDecoder().decode(signed.split("\\.")[1]);
        return new Published(
                JSON.readValue(new String(payload, StandardCharsets.UTF_8), GlobalConfiguration.class), signed);
    }
}
