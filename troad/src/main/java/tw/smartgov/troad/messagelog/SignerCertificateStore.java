package tw.smartgov.troad.messagelog;

import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.signature.SignerCertificates;

/**
 * Table {@code troad.ss_signer_certificate} (migration V31): the chains of every message signer
 * this node's security servers have signed or verified with, by thumbprint, for evidence. Writes
 * only chains it has not seen yet (remembered in memory), so the data path pays one insert per
 * new certificate, not per message. Thread-safe.
 */
final class SignerCertificateStore {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    SignerCertificateStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps these chains (leaf first); a database failure is thrown, and nothing is remembered. */
    void remember(Collection<List<X509Certificate>> chains) {
        for (List<X509Certificate> chain : chains) {
            String thumbprint = SignerCertificates.thumbprint(chain.getFirst());
            if (known.containsKey(thumbprint)) {
                continue;
            }
            String pem = Pem.encode(chain);
            try {
                jdbc.update(
                        "INSERT INTO troad.ss_signer_certificate (thumbprint, chain_pem, first_seen_at) VALUES (?, ?, ?)",
                        thumbprint,
                        pem,
                        Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException e) {
                // kept before, by this node before a restart or by another one sharing the database
            }
            known.put(thumbprint, pem);
        }
    }

    /**
     * The chains (PEM, leaf first) of these thumbprints, in their order.
     *
     * @throws IllegalStateException naming a thumbprint whose chain was never kept
     */
    List<String> chains(Collection<String> thumbprints) {
        return thumbprints.stream().map(this::chain).toList();
    }

    private String chain(String thumbprint) {
        String pem = known.get(thumbprint);
        if (pem != null) {
            return pem;
        }
        List<String> rows = jdbc.query(
                "SELECT chain_pem FROM troad.ss_signer_certificate WHERE thumbprint = ?",
                (rs, row) -> rs.getString(1),
                thumbprint);
        if (rows.isEmpty()) {
            throw new IllegalStateException(
                    "the message log refers to the signing certificate " + thumbprint + ", whose chain it never kept");
        }
        known.put(thumbprint, rows.getFirst());
        return rows.getFirst();
    }
}
