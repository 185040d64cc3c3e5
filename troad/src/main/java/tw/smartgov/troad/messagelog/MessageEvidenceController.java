package tw.smartgov.troad.messagelog;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Export of message-log evidence for the admin ({@code /admin/**} needs the admin user): all
 * records of an X-Road-Id, or one record by leaf index, as a {@link MessageEvidence} document that
 * {@code smartgov verify evidence} checks offline. Trust errors become problem documents through
 * the trust module's handler.
 */
@RestController
class MessageEvidenceController {
    private final EvidenceExporter exporter;

    MessageEvidenceController(EvidenceExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/admin/troad/message-log/{log}/evidence")
    ResponseEntity<?> evidence(
            @PathVariable String log,
            @RequestParam(required = false) @Nullable String xRoadId,
            @RequestParam(required = false) @Nullable Long leaf) {
        if (!LogNames.isMessageLog(log)) {
            return problem(HttpStatus.NOT_FOUND, "'" + log + "' is not a message log (names start with msglog-)");
        }
        if ((xRoadId == null) == (leaf == null)) {
            return problem(HttpStatus.BAD_REQUEST, "give exactly one of xRoadId or leaf");
        }
        if (leaf != null) {
            return json(exporter.forLeaf(log, leaf));
        }
        return exporter.forXRoadId(log, Objects.requireNonNull(xRoadId))
                .map(MessageEvidenceController::json)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "log " + log + " holds no record of that X-Road-Id"));
    }

    private static ResponseEntity<?> json(MessageEvidence evidence) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(evidence.toJson());
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:smartgov:troad:message-log"));
        return ResponseEntity.status(status).body(problem);
    }
}
