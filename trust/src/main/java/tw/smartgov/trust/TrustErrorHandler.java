package tw.smartgov.trust;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a {@link TrustException} into an RFC 9457 problem document: typed, no stack trace. */
@RestControllerAdvice
class TrustErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(TrustErrorHandler.class);

    @ExceptionHandler(TrustException.class)
    ProblemDetail handle(TrustException e) {
        if (e.error().status().is5xxServerError()) {
            log.error("trust operation failed: {}", e.error(), e);
        } else {
            log.info("trust input refused: {}: {}", e.error(), e.getMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.error().status(), e.getMessage());
        problem.setType(URI.create(
                "urn:smartgov:trust:" + e.error().name().toLowerCase().replace('_', '-')));
        problem.setTitle(e.error().name());
        problem.setProperty("code", e.error().name());
        return problem;
    }
}
