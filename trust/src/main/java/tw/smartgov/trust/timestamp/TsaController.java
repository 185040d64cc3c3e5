package tw.smartgov.trust.timestamp;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RFC 3161 HTTP transport (§3.4) of the built-in TSA. A request that parses badly is still
 * answered 200 with a rejection TimeStampResp, as RFC 3161 wants; HTTP errors are reserved for
 * transport faults: 415 for another content type, 413 for a body over 64 KiB (a TimeStampReq is a
 * few hundred bytes, so anything larger is abuse).
 */
@RestController
class TsaController {
    static final MediaType REPLY = MediaType.parseMediaType("application/timestamp-reply");
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final ObjectProvider<TimeStampAuthority> authority;

    TsaController(ObjectProvider<TimeStampAuthority> authority) {
        this.authority = authority;
    }

    @PostMapping(path = "/trust/tsa", consumes = "application/timestamp-query")
    ResponseEntity<?> stamp(InputStream body) throws IOException {
        byte[] query = body.readNBytes(MAX_REQUEST_BYTES + 1);
        if (query.length > MAX_REQUEST_BYTES) {
            return ResponseEntity.of(ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "a time-stamp query is at most " + MAX_REQUEST_BYTES + " bytes"))
                    .build();
        }
        return ResponseEntity.ok().contentType(REPLY).body(authority.getObject().respond(query));
    }
}
