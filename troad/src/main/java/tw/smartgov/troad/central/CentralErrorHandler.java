package tw.smartgov.troad.central;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tw.smartgov.troad.identifier.InvalidIdentifierException;
import tw.smartgov.trust.TrustException;

/**
 * Turns the central server's errors into RFC 9457 problem documents with a {@code code}. Ordered
 * first so that it, not the trust module's global handler, answers for the central controllers.
 */
@CentralRole
@RestControllerAdvice(basePackages = "tw.smartgov.troad.central")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CentralErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(CentralErrorHandler.class);

    @ExceptionHandler(CentralException.class)
    ProblemDetail central(CentralException e) {
        ProblemDetail problem = problem(e.error().status(), e.error().name(), e.getMessage());
        if (e instanceof OpenApiDocuments.InvalidOpenApiException invalid) {
            problem.setProperty("errors", invalid.messages());
        }
        return problem;
    }

    @ExceptionHandler(InvalidIdentifierException.class)
    ProblemDetail identifier(InvalidIdentifierException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_IDENTIFIER", e.getMessage());
    }

    @ExceptionHandler(TrustException.class)
    ProblemDetail trust(TrustException e) {
        return problem(e.error().status(), e.error().name(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // The parser's message can quote the body; say only what is wrong in general.
        return problem(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_JSON",
                "the request body is missing or is not valid JSON" + " of the expected shape");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail parameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage());
    }

    static ProblemDetail problem(HttpStatusCode status, String code, @Nullable String message) {
        if (status.is5xxServerError()) {
            log.error("central server failed: {}: {}", code, message);
        } else {
            log.info("central server refused a request: {}: {}", code, message);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setType(
                URI.create("urn:smartgov:troad:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(code);
        problem.setProperty("code", code);
        return problem;
    }
}
