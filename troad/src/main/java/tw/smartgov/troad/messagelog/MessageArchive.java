package tw.smartgov.troad.messagelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.globalconf.CertificateFingerprint;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.log.LogEvidence;

/**
 * One archive file (JSON lines, UTF-8): a {@link Header} line naming the log, the leaves
 * {@code [firstLeaf, endLeaf)} and the SHA-256 (hex) of the previous archive file of the log (null
 * for the first) and the chains of the signers its records name by certificate thumbprint, then one
 * {@link LogEvidence.Inclusion} per record, so each record verifies offline as {@link
 * MessageEvidence} does, and the files form a hash chain.
 */
record MessageArchive(Header header, List<LogEvidence.Inclusion> records) {
    static final String TYPE = "smartgov-message-archive/v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Header(
            String type,
            String log,
            long firstLeaf,
            long endLeaf,
            @Nullable String previousSha256,
            String createdAt,
            @Nullable List<String> signerCertificates) {}

    static String fileName(String log, long firstLeaf) {
        return log + "-" + String.format("%012d", firstLeaf) + ".jsonl";
    }

    /** Writes the file atomically into {@code dir}; returns its SHA-256 (hex). */
    String write(Path dir) {
        StringBuilder out = new StringBuilder(JSON.writeValueAsString(header)).append('\n');
        records.forEach(r -> out.append(JSON.writeValueAsString(r)).append('\n'));
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(dir);
            Path temp = Files.write(dir.resolve(fileName(header.log(), header.firstLeaf()) + ".tmp"), bytes);
            Files.move(
                    temp,
                    dir.resolve(fileName(header.log(), header.firstLeaf())),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the message archive in " + dir, e);
        }
        return CertificateFingerprint.sha256(bytes);
    }

    /** Reads an archive file; anything malformed is {@link TrustError#MALFORMED_PROOF}. */
    static MessageArchive read(byte[] file) {
        List<String> lines = new String(file, StandardCharsets.UTF_8).lines().toList();
        try {
            Header header = JSON.readValue(lines.getFirst(), Header.class);
            if (!TYPE.equals(header.type())) {
                throw new TrustException(TrustError.MALFORMED_PROOF, "not a SmartGov message archive");
            }
            List<LogEvidence.Inclusion> records = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                records.add(JSON.readValue(line, LogEvidence.Inclusion.class));
            }
            return new MessageArchive(header, records);
        } catch (RuntimeException e) {
            if (e instanceof TrustException trust) {
                throw trust;
            }
            throw new TrustException(TrustError.MALFORMED_PROOF, "not a SmartGov message archive: " + e.getMessage());
        }
    }

    static Header header(
            String log,
            long firstLeaf,
            long endLeaf,
            @Nullable String previous,
            Instant at,
            List<String> signerCertificates) {
        return new Header(TYPE, log, firstLeaf, endLeaf, previous, at.toString(), signerCertificates);
    }
}
