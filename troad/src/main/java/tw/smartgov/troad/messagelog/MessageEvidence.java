package tw.smartgov.troad.messagelog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.log.LogEvidence;

/**
 * Self-contained evidence of message-log records (type {@value #TYPE}), for {@link
 * MessageEvidenceVerifier} or {@code smartgov verify evidence}: for each record, its log entry (the
 * canonical JSON record with header parts, digests, batch signatures and, unless left out, bodies)
 * with an RFC 9162 inclusion proof against a signed, RFC 3161 time-stamped tree head and the CA's
 * CRL. {@code crls} holds further CRLs (DER, base64) for the message signers' certificates, {@code
 * signerCertificates} the chains (PEM, leaf first, without the root) of the signers that the
 * records' signatures name by certificate thumbprint.
 *
 * @param log the security server's message log
 * @param xRoadId the X-Road-Id all records belong to, or null for evidence of single leaves
 * @param records one inclusion document per record, in log order
 */
public record MessageEvidence(
        String type,
        String log,
        @Nullable String xRoadId,
        List<LogEvidence.Inclusion> records,
        List<String> crls,
        List<String> signerCertificates) {
    public static final String TYPE = "smartgov-message-evidence/v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public MessageEvidence {
        records = records == null ? List.of() : List.copyOf(records);
        crls = crls == null ? List.of() : List.copyOf(crls);
        signerCertificates = signerCertificates == null ? List.of() : List.copyOf(signerCertificates);
    }

    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    /** Parses evidence JSON; anything malformed is {@link TrustError#MALFORMED_PROOF}. */
    public static MessageEvidence fromJson(String json) {
        try {
            return JSON.readValue(json, MessageEvidence.class);
        } catch (JacksonException e) {
            throw new TrustException(
                    TrustError.MALFORMED_PROOF, "not SmartGov message evidence: " + e.getOriginalMessage());
        }
    }
}
