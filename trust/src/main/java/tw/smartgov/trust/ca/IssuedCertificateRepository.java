package tw.smartgov.trust.ca;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows of {@code trust.issued_certificate}. */
final class IssuedCertificateRepository {
    private static final String COLUMNS = "serial, profile, der, issued_at, revoked_at, revocation_reason";
    private final JdbcTemplate jdbc;

    IssuedCertificateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(X509Certificate certificate, CertificateProfile profile, Instant issuedAt) {
        jdbc.update(
                "insert into trust.issued_certificate (serial, subject, profile, not_before, not_after, der,"
                        + " issued_at) values (?, ?, ?, ?, ?, ?, ?)",
                new BigDecimal(certificate.getSerialNumber()),
                certificate.getSubjectX500Principal().getName(),
                profile.name(),
                Timestamp.from(certificate.getNotBefore().toInstant()),
                Timestamp.from(certificate.getNotAfter().toInstant()),
                Pem.der(certificate),
                Timestamp.from(issuedAt));
    }

    Optional<IssuedCertificate> find(BigInteger serial) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from trust.issued_certificate where serial = ?",
                        this::row,
                        new BigDecimal(serial))
                .stream()
                .findFirst();
    }

    /** Marks the certificate revoked unless it already is; false if there is no such certificate. */
    boolean revoke(BigInteger serial, RevocationReason reason, Instant at) {
        jdbc.update(
                "update trust.issued_certificate set revoked_at = ?, revocation_reason = ?"
                        + " where serial = ? and revoked_at is null",
                Timestamp.from(at),
                reason.code(),
                new BigDecimal(serial));
        return find(serial).isPresent();
    }

    /** Revoked certificates that have not expired yet: expired ones may leave the CRL (RFC 5280 3.3). */
    List<IssuedCertificate> revokedUnexpired(Instant now) {
        return jdbc.query(
                "select " + COLUMNS + " from trust.issued_certificate where revoked_at is not null and not_after > ?"
                        + " order by serial",
                this::row,
                Timestamp.from(now));
    }

    private IssuedCertificate row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new IssuedCertificate(
                rs.getBigDecimal("serial").toBigIntegerExact(),
                CertificateProfile.valueOf(rs.getString("profile")),
                certificate(rs.getBytes("der")),
                rs.getTimestamp("issued_at").toInstant(),
                revokedAt == null ? null : revokedAt.toInstant(),
                revokedAt == null ? null : RevocationReason.ofCode(rs.getInt("revocation_reason")));
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("trust.issued_certificate holds a certificate that does not parse", e);
        }
    }
}
