package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.securityserver.TRoadNetwork;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.CertificateValidator;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.log.LogEvidence;
import tw.smartgov.trust.signature.BatchVerifier;
import tw.smartgov.trust.signature.JwsVerifier;
import tw.smartgov.trust.signature.SignerCertificates;

/** Changing any byte of exported evidence makes it fail verification, with a reason. */
class EvidenceTamperingTest extends MessageLogIntegrationTest {
    private MessageEvidence evidence;

    @BeforeEach
    void exportOneExchange() {
        String xRoadId = "xid-" + UUID.randomUUID();
        assertThat(exchange()
                        .call(TRoadNetwork.APP, xRoadId, "the original body")
                        .statusCode())
                .isEqualTo(200);
        evidence = exporter.forXRoadId(aLog().logName(), xRoadId).orElseThrow();
        assertThat(verifier().verify(evidence).records()).isEqualTo(1);
    }

    private MessageEvidence withRecord(UnaryOperator<LogEvidence.Inclusion> change) {
        List<LogEvidence.Inclusion> records = new ArrayList<>(evidence.records());
        records.set(0, change.apply(records.getFirst()));
        return new MessageEvidence(
                evidence.type(),
                evidence.log(),
                evidence.xRoadId(),
                records,
                evidence.crls(),
                evidence.signerCertificates());
    }

    private MessageEvidence withSignerCertificates(List<String> chains) {
        return new MessageEvidence(
                evidence.type(), evidence.log(), evidence.xRoadId(), evidence.records(), evidence.crls(), chains);
    }

    private static LogEvidence.Inclusion withEntry(LogEvidence.Inclusion i, UnaryOperator<String> change) {
        String json = new String(Base64.getDecoder().decode(i.entry()), StandardCharsets.UTF_8);
        String changed = Base64.getEncoder().encodeToString(change.apply(json).getBytes(StandardCharsets.UTF_8));
        return new LogEvidence.Inclusion(
                i.type(), i.log(), i.leafIndex(), i.treeSize(), changed, i.auditPath(), i.treeHead(), i.crl());
    }

    private void assertRefused(MessageEvidence tampered, String reason) {
        assertThatThrownBy(() -> verifier().verify(tampered.toJson()))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("record " + evidence.records().getFirst().leafIndex())
                .hasMessageContaining(reason);
    }

    @Test
    void aChangedBodyByteFails() {
        String body = MessageEntry.b64("the original body".getBytes(StandardCharsets.UTF_8));
        String forged = MessageEntry.b64("the original bodY".getBytes(StandardCharsets.UTF_8));
        assertRefused(withRecord(i -> withEntry(i, json -> json.replace(body, forged))), "not");
    }

    @Test
    void aChangedSignatureFails() {
        assertRefused(
                withRecord(i -> withEntry(i, json -> json.replaceFirst("\"signature\":\"ey", "\"signature\":\"eX"))),
                "");
    }

    @Test
    void aChangedProofHashFails() {
        assertRefused(
                withRecord(i -> new LogEvidence.Inclusion(
                        i.type(),
                        i.log(),
                        i.leafIndex(),
                        i.treeSize(),
                        i.entry(),
                        List.of(flip(i.auditPath().getFirst())),
                        i.treeHead(),
                        i.crl())),
                "");
    }

    @Test
    void aChangedTimeStampTokenFails() {
        assertRefused(
                withRecord(i -> new LogEvidence.Inclusion(
                        i.type(),
                        i.log(),
                        i.leafIndex(),
                        i.treeSize(),
                        i.entry(),
                        i.auditPath(),
                        new LogEvidence.TreeHead(
                                i.treeHead().jws(), flip(i.treeHead().timestampToken())),
                        i.crl())),
                "");
    }

    @Test
    void insideARecordAnAlteredBodyOrSignatureIsNamed() {
        var entry = MessageExchangeEntries.first(evidence);
        var signers = SignerCertificates.of(evidence.signerCertificates().stream()
                .map(pem -> Pem.certificates(pem.getBytes(StandardCharsets.US_ASCII)))
                .toList());
        var checks = new RecordChecks(new BatchVerifier(new JwsVerifier(
                new CertificateValidator(List.of(ca.root()), ca.revocationSource()),
                CertificateProfile.SIGNING,
                signers)));
        var at = java.time.Instant.now();
        assertThat(checks.verify(entry, at)).isNotEmpty();

        var forgedBody = MessageExchangeEntries.withRequestBody(entry, MessageEntry.b64("forged".getBytes()));
        assertThatThrownBy(() -> checks.verify(forgedBody, at))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("request body does not match its digest");
        var otherSignature = MessageExchangeEntries.withRequestSignature(
                entry, entry.response().signature());
        assertThatThrownBy(() -> checks.verify(otherSignature, at))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("not part of the signed batch");
    }

    @Test
    void theEvidenceCarriesTheSignersChainsThatTheRecordsNameByThumbprintOnly() {
        var entry = MessageExchangeEntries.first(evidence);
        assertThat(entry.signerThumbprints()).hasSize(2); // the client's and the provider's server
        assertThat(evidence.signerCertificates()).hasSize(2);
        assertThat(new String(
                        Base64.getUrlDecoder()
                                .decode(entry.request().signature().split("\\.")[0]),
                        StandardCharsets.UTF_8))
                .contains("x5t#S256")
                .doesNotContain("x5c");

        assertThatThrownBy(() ->
                        verifier().verify(withSignerCertificates(List.of()).toJson()))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("not a certificate known here");
        String first = evidence.signerCertificates().getFirst();
        assertThatThrownBy(() -> verifier()
                        .verify(withSignerCertificates(List.of(first, first)).toJson()))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("not a certificate known here");
        String garbled = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> verifier()
                        .verify(withSignerCertificates(List.of(garbled)).toJson()))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("signer certificate chain in the evidence does not parse");
    }

    /** Flips one bit in the middle of a base64 value. */
    private static String flip(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[bytes.length / 2] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
