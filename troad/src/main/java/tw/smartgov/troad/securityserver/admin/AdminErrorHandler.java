package tw.smartgov.troad.securityserver.admin;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem documents with a {@code code} for the security server's management API. */
@RestControllerAdvice(
        assignableTypes = {
            AccessRightsController.class,
            ProvidedServicesController.class,
            GlobalConfigurationRefreshController.class
        })
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrorHandler {

    @ExceptionHandler(AdminException.class)
    ProblemDetail refused(AdminException e) {
        return problem(e.error(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // the parser's message may quote the body: say only what is wrong
        return problem(AdminError.MALFORMED_JSON, "the request body is missing or is not JSON of the expected shape");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(AdminError.UNSUPPORTED_MEDIA_TYPE, "send the request body as application/json");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail parameter(MissingServletRequestParameterException e) {
        return problem(AdminError.INVALID_REQUEST, "the query parameter " + e.getParameterName() + " is missing");
    }

    static ProblemDetail problem(AdminError error, @Nullable String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), message);
        problem.setType(URI.create("urn:smartgov:troad:security-server:"
                + error.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(error.name());
        problem.setProperty("code", error.name());
        return problem;
    }
}
