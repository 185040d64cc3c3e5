package tw.smartgov.troad.central;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Validation of request fields, each failure a 400 that names the field. */
final class Checks {
    static final int MAX_NAME = 300;

    private Checks() {}

    static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /** A human-readable name: 1 to 300 characters, no control characters. */
    static String name(@Nullable String value, String field) {
        String name = required(value, field).strip();
        if (name.length() > MAX_NAME) {
            throw invalid(field + " is longer than " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field + " contains a control character");
        }
        return name;
    }

    /** The provider-side base URL of a security server: https, with a host, no user info. */
    static String address(@Nullable String value) {
        String text = required(value, "address").strip();
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw invalid("address must be an https URL with a host and no user, query or fragment, like"
                        + " https://ss1.example.gov.tw:5500");
            }
            return text;
        } catch (URISyntaxException e) {
            throw invalid("address is not a URL: " + e.getReason());
        }
    }

    static <T> List<T> each(@Nullable List<String> values, String field, Function<String, T> parse) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw invalid(field + " holds an empty entry");
        }
        return values.stream().map(parse).distinct().toList();
    }

    static CentralException invalid(String message) {
        return new CentralException(CentralError.INVALID_REQUEST, message);
    }
}
