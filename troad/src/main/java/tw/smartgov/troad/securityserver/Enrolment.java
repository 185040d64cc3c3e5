package tw.smartgov.troad.securityserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.smartgov.troad.globalconf.ConfigurationAnchor;
import tw.smartgov.troad.registration.RegistrationClient;
import tw.smartgov.troad.securityserver.config.SecurityServerSettings;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * A node's keys and certificates: registration with a one-time token the first time, renewal
 * before expiry afterwards. Private keys are generated here and never leave the keystore.
 */
final class Enrolment {
    private static final Logger log = LoggerFactory.getLogger(Enrolment.class);

    record Identities(SigningIdentity tls, SigningIdentity signing) {}

    private final SecurityServerSettings settings;
    private final Path stateDir;
    private final KeyVault vault;
    private final RegistrationClient central;

    Enrolment(SecurityServerSettings settings, Path stateDir, KeyVault vault, RegistrationClient central) {
        this.settings = settings;
        this.stateDir = stateDir;
        this.vault = vault;
        this.central = central;
    }

    boolean isRegistered() {
        return vault.find(alias("tls")).isPresent()
                && vault.find(alias("signing")).isPresent();
    }

    /** The node's identities, registering with the central server first if it never did. */
    Identities identities() {
        Optional<SigningIdentity> tls = vault.find(alias("tls"));
        Optional<SigningIdentity> signing = vault.find(alias("signing"));
        if (tls.isPresent() && signing.isPresent()) {
            return new Identities(tls.get(), signing.get());
        }
        String token = settings.registrationToken();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("security server " + settings.serverId()
                    + " is not registered yet: give it the one-time registration token from the central server's"
                    + " administrator (SMARTGOV_TROAD_REGISTRATION_TOKEN)");
        }
        KeyPair tlsKeys = KeyVault.newKeyPair();
        KeyPair signingKeys = KeyVault.newKeyPair();
        var issued = central.register(token, csr(tlsKeys, "tls"), csr(signingKeys, "signing"), dns(), ips());
        var identities = store(tlsKeys, signingKeys, issued);
        issued.anchor().ifPresent(this::keepAnchorIfNoneGiven);
        log.info(
                "security server {} registered with the central server {}", settings.serverId(), settings.centralUrl());
        return identities;
    }

    /** Renews both certificates when either has less than a third of its validity left. */
    Optional<Identities> renewIfDue(Identities current, Instant now) {
        if (!RegistrationClient.needsRenewal(current.tls().certificate(), now)
                && !RegistrationClient.needsRenewal(current.signing().certificate(), now)) {
            return Optional.empty();
        }
        KeyPair tlsKeys = KeyVault.newKeyPair();
        KeyPair signingKeys = KeyVault.newKeyPair();
        var issued = central.renew(
                settings.serverId(), current.signing(), csr(tlsKeys, "tls"), csr(signingKeys, "signing"), dns(), ips());
        log.info("security server {} renewed its certificates", settings.serverId());
        return Optional.of(store(tlsKeys, signingKeys, issued));
    }

    ConfigurationAnchor anchor() {
        Path given = settings.anchorFile();
        Path file = given != null ? given : savedAnchor();
        if (!Files.exists(file)) {
            throw new IllegalStateException("no configuration anchor at " + file
                    + ": download it from the central server (GET /troad/anchor.json), check it out of band, and"
                    + " give it with --anchor-file");
        }
        return ConfigurationAnchor.load(file);
    }

    private Identities store(KeyPair tlsKeys, KeyPair signingKeys, RegistrationClient.Certificates issued) {
        return new Identities(
                vault.store(alias("tls"), tlsKeys, issued.tlsChain()),
                vault.store(alias("signing"), signingKeys, issued.signingChain()));
    }

    private void keepAnchorIfNoneGiven(ConfigurationAnchor anchor) {
        if (settings.anchorFile() != null) {
            return;
        }
        try {
            Files.createDirectories(stateDir);
            Files.writeString(savedAnchor(), anchor.toJson());
            log.warn(
                    "trusting the configuration anchor returned at registration (signer {}); compare it with the"
                            + " one the central server's operator published",
                    anchor.signerCertificateSha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the configuration anchor to " + savedAnchor(), e);
        }
    }

    private Path savedAnchor() {
        return stateDir.resolve(settings.slug() + "-anchor.json");
    }

    private String alias(String purpose) {
        return "troad-" + settings.slug() + "-" + purpose;
    }

    private String csr(KeyPair keys, String purpose) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, settings.owner().encoded())
                .addRDN(BCStyle.CN, settings.serverId() + " " + purpose)
                .build();
        try {
            byte[] der = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
                    .getEncoded();
            return "-----BEGIN CERTIFICATE REQUEST-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END CERTIFICATE REQUEST-----\n";
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create a certificate signing request", e);
        }
    }

    private String publicHost() {
        String host = settings.publicHost();
        if (host == null) {
            throw new IllegalStateException(
                    "security server " + settings.serverId() + " needs its public host to register");
        }
        return host;
    }

    private boolean publicHostIsAddress() {
        try {
            InetAddress.ofLiteral(publicHost());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<String> dns() {
        return publicHostIsAddress() ? List.of() : List.of(publicHost());
    }

    private List<String> ips() {
        return publicHostIsAddress() ? List.of(publicHost()) : List.of();
    }
}
