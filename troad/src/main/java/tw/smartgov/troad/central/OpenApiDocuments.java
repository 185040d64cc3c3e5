package tw.smartgov.troad.central;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Validates uploaded OpenAPI 3 documents with swagger-parser before they enter the catalog. */
final class OpenApiDocuments {
    static final int MAX_LENGTH = 2 * 1024 * 1024;

    /** A document that parsed without messages, with the title and version of its info object. */
    record Checked(String text, String mediaType, String title, String version) {}

    private OpenApiDocuments() {}

    /**
     * @throws CentralException INVALID_OPENAPI listing the parser's messages
     */
    static Checked check(String text, String mediaType) {
        if (text.isBlank()) {
            throw invalid(List.of("the document is empty"));
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid(List.of("the document is larger than " + MAX_LENGTH + " characters"));
        }
        var options = new ParseOptions();
        // Never follow external $refs: the central server must not fetch URLs chosen by an uploader.
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        List<String> messages = new ArrayList<>(Objects.requireNonNullElse(result.getMessages(), List.of()));
        OpenAPI api = result.getOpenAPI();
        if (api == null && messages.isEmpty()) {
            messages.add("not an OpenAPI 3 document");
        }
        if (api != null && (api.getInfo() == null || api.getInfo().getTitle() == null)) {
            messages.add("info.title is missing");
        }
        if (!messages.isEmpty() || api == null) {
            throw invalid(messages);
        }
        String version = Objects.requireNonNullElse(api.getInfo().getVersion(), "");
        return new Checked(text, mediaType, Checks.name(api.getInfo().getTitle(), "info.title"), version);
    }

    private static CentralException invalid(List<String> messages) {
        return new InvalidOpenApiException(messages);
    }

    /** INVALID_OPENAPI, carrying each of the parser's messages for the problem document. */
    static final class InvalidOpenApiException extends CentralException {
        private final List<String> messages;

        InvalidOpenApiException(List<String> messages) {
            super(CentralError.INVALID_OPENAPI, "the OpenAPI document is not valid: " + String.join("; ", messages));
            this.messages = List.copyOf(messages);
        }

        List<String> messages() {
            return messages;
        }
    }
}
