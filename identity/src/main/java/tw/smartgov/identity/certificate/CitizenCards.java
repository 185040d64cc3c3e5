package tw.smartgov.identity.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tw.smartgov.identity.citizen.Citizen;
import tw.smartgov.identity.internal.IdentityDatabase;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.IssuanceRequest;
import tw.smartgov.trust.ca.RevocationReason;
import tw.smartgov.trust.keys.KeyVault;

/**
 * Issues citizen certificates ("cards"): a new EC P-256 key, a {@code SIGNING} certificate from
 * trust's CA, both in a PKCS#12 file protected by a PIN. The certificate's subject is a random card
 * name, never the citizen's name or number; identity maps the serial number to the citizen.
 */
@Component
public class CitizenCards {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final CertificateAuthority ca;
    private final JdbcTemplate jdbc;

    CitizenCards(CertificateAuthority ca, IdentityDatabase database) {
        this.ca = ca;
        this.jdbc = database.jdbc();
    }

    /** An issued card: the PKCS#12 bytes and its certificate's serial number and end of validity. */
    public record IssuedCard(byte[] pkcs12, BigInteger serial, Instant notAfter) {}

    /**
     * @param validity how long the certificate is valid (never beyond the issuing CA's validity)
     * @param pin the password of the PKCS#12 file
     */
    public IssuedCard issue(Citizen citizen, Duration validity, char[] pin) {
        KeyPair keys = KeyVault.newKeyPair();
        byte[] name = new byte[6];
        RANDOM.nextBytes(name);
        var subject = new X500Name("CN=SmartGov citizen card " + HexFormat.of().formatHex(name) + ",O=SmartGov");
        List<X509Certificate> chain = ca.issue(
                new IssuanceRequest(csr(keys, subject), CertificateProfile.SIGNING, List.of(), List.of(), validity));
        X509Certificate leaf = chain.getFirst();
        jdbc.update(
                "INSERT INTO citizen_certificate (serial, citizen_id, issued_at, not_after) VALUES (?, ?, ?, ?)",
                new java.math.BigDecimal(leaf.getSerialNumber()),
                citizen.id(),
                Timestamp.from(Instant.now()),
                Timestamp.from(leaf.getNotAfter().toInstant()));
        return new IssuedCard(
                pkcs12(keys, chain, pin),
                leaf.getSerialNumber(),
                leaf.getNotAfter().toInstant());
    }

    /** Revokes a card's certificate (lost or stolen card): the next sign-in with it is refused. */
    public void revoke(BigInteger serial) {
        ca.revoke(serial, RevocationReason.KEY_COMPROMISE);
    }

    /** The account a card's certificate was issued to, if identity issued it. */
    Optional<UUID> holder(BigInteger serial) {
        List<String> holders = jdbc.query(
                "SELECT CAST(citizen_id AS VARCHAR(36)) FROM citizen_certificate WHERE serial = ?",
                (rs, row) -> rs.getString(1),
                new java.math.BigDecimal(serial));
        return holders.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(holders.getFirst()));
    }

    private static byte[] csr(KeyPair keys, X500Name subject) {
        try {
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(signer)
                    .getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the card's certification request", e);
        }
    }

    private static byte[] pkcs12(KeyPair keys, List<X509Certificate> chain, char[] pin) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("card", keys.getPrivate(), pin, chain.toArray(Certificate[]::new));
            var out = new ByteArrayOutputStream();
            store.store(out, pin);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the card", e);
        }
    }
}
