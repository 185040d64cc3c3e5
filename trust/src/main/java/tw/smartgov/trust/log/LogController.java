package tw.smartgov.trust.log;

import java.net.URI;
import java.security.cert.CRLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.ca.CertificateAuthority;

/**
 * The transparency logs over HTTP: public heads, entries and proofs (as {@link LogEvidence}
 * documents that {@code smartgov verify} checks offline); appending is for the admin.
 */
@RestController
class LogController {
    private final TransparencyLogs logs;
    private final TreeHeadPublisher publisher;
    private final CertificateAuthority ca;
    private final TrustProperties properties;

    LogController(
            TransparencyLogs logs, TreeHeadPublisher publisher, CertificateAuthority ca, TrustProperties properties) {
        this.logs = logs;
        this.publisher = publisher;
        this.ca = ca;
        this.properties = properties;
    }

    record LogSummary(String name, long treeSize, @Nullable Long signedTreeSize) {}

    record TreeHeadView(
            String log,
            long treeSize,
            String rootHash,
            String signedAt,
            String jws,
            @Nullable String timestampToken) {}

    record Appended(String log, long index) {}

    @GetMapping("/trust/logs")
    List<LogSummary> list() {
        return logs.names().stream()
                .map(name -> new LogSummary(
                        name,
                        logs.treeHead(name).size(),
                        publisher.latest(name).map(SignedTreeHead::treeSize).orElse(null)))
                .toList();
    }

    @GetMapping("/trust/logs/{name}/tree-head")
    TreeHeadView treeHead(@PathVariable String name) {
        SignedTreeHead head = latest(name);
        var evidence = LogEvidence.TreeHead.of(head);
        return new TreeHeadView(
                head.log(),
                head.treeSize(),
                LogEvidence.b64(head.rootHash()),
                head.signedAt().toString(),
                head.jws(),
                evidence.timestampToken());
    }

    @GetMapping(value = "/trust/logs/{name}/entries/{index}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    byte[] entry(@PathVariable String name, @PathVariable long index) {
        return logs.entry(name, index);
    }

    @GetMapping("/trust/logs/{name}/proofs/inclusion")
    LogEvidence.Inclusion inclusion(
            @PathVariable String name, @RequestParam long index, @RequestParam(required = false) @Nullable Long size) {
        SignedTreeHead head = size == null ? latest(name) : signedAt(name, size);
        if (index < 0 || index >= head.treeSize()) {
            throw new TrustException(
                    TrustError.TREE_SIZE_OUT_OF_RANGE,
                    "entry " + index
                            + " is not in the signed tree of size " + head.treeSize()
                            + "; newer entries are covered by the"
                            + " next tree head, signed within "
                            + properties.treeHeadInterval().toSeconds() + " s");
        }
        var proof = logs.inclusionProof(name, index, head.treeSize());
        return LogEvidence.inclusion(logs.entry(name, index), proof, head, crl());
    }

    @GetMapping("/trust/logs/{name}/proofs/consistency")
    LogEvidence.Consistency consistency(
            @PathVariable String name, @RequestParam long from, @RequestParam(required = false) @Nullable Long to) {
        SignedTreeHead second = to == null ? latest(name) : signedAt(name, to);
        SignedTreeHead first = signedAt(name, from);
        if (first.treeSize() > second.treeSize()) {
            throw new TrustException(
                    TrustError.TREE_SIZE_OUT_OF_RANGE,
                    "'from' (" + from + ") is after 'to' (" + second.treeSize() + ")");
        }
        var proof = logs.consistencyProof(name, first.treeSize(), second.treeSize());
        return LogEvidence.consistency(proof, first, second, crl());
    }

    @PostMapping("/admin/trust/logs/{name}/entries")
    ResponseEntity<Appended> append(@PathVariable String name, @RequestBody byte[] entry) {
        long index = logs.appendAndWait(name, entry);
        return ResponseEntity.created(URI.create("/trust/logs/" + name + "/entries/" + index))
                .body(new Appended(name, index));
    }

    private SignedTreeHead latest(String name) {
        logs.treeHead(name); // UNKNOWN_LOG for a log that does not exist
        return publisher
                .latest(name)
                .orElseThrow(() -> new TrustException(
                        TrustError.TREE_SIZE_OUT_OF_RANGE,
                        "log " + name + " has no signed tree head yet; one is signed within "
                                + properties.treeHeadInterval().toSeconds() + " s of the first entry"));
    }

    private SignedTreeHead signedAt(String name, long size) {
        return publisher
                .at(name, size)
                .orElseThrow(() -> new TrustException(
                        TrustError.TREE_SIZE_OUT_OF_RANGE,
                        "log " + name + " published no signed tree head at size " + size + "; see /trust/logs/" + name
                                + "/tree-head for the latest"));
    }

    private byte[] crl() {
        try {
            return ca.crl().getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("the CA's CRL cannot be encoded", e);
        }
    }
}
