package tw.smartgov.troad.registration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.globalconf.ConfigurationAnchor;
import tw.smartgov.troad.registration.RegistrationMessages.Issued;
import tw.smartgov.troad.registration.RegistrationMessages.RegisterRequest;
import tw.smartgov.troad.registration.RegistrationMessages.RenewalRequest;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsHeaders;
import tw.smartgov.trust.signature.JwsSigner;

/**
 * What a security server calls on the central server to get its certificates: {@link #register}
 * once with a one-time token, then {@link #renew} (signed with its current signing key) whenever
 * {@link #needsRenewal} says so. The security server generates its keys and CSRs itself; private
 * keys never leave it. Thread-safe.
 */
public final class RegistrationClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Certificates issued to a security server.
     *
     * @param tlsChain the TLS_PEER chain, leaf first
     * @param signingChain the SIGNING chain, leaf first
     * @param anchor the central server's anchor (at registration only; verify it out of band)
     */
    public record Certificates(
            String serverId,
            List<X509Certificate> tlsChain,
            List<X509Certificate> signingChain,
            URI globalConfigurationUrl,
            Optional<ConfigurationAnchor> anchor) {}

    /** The central server refused; {@code code} is the problem document's code, e.g. TOKEN_ALREADY_USED. */
    public static final class RegistrationException extends RuntimeException {
        private final int status;
        private final String code;

        public RegistrationException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final URI centralUrl;
    private final HttpClient http;

    /** @param centralUrl base URL of the central server, e.g. {@code https://central.gov.tw} */
    public RegistrationClient(URI centralUrl) {
        this(centralUrl, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    public RegistrationClient(URI centralUrl, HttpClient http) {
        this.centralUrl = centralUrl;
        this.http = http;
    }

    /** Renew once less than a third of the certificate's validity remains. */
    public static boolean needsRenewal(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Duration third = Duration.between(notBefore, notAfter).dividedBy(3);
        return !now.isBefore(notAfter.minus(third));
    }

    /**
     * @param tlsCsr PEM PKCS#10 request for the TLS key
     * @param signingCsr PEM PKCS#10 request for the signing key
     * @throws RegistrationException if the central server refused
     */
    public Certificates register(String token, String tlsCsr, String signingCsr, List<String> dns, List<String> ip) {
        var body = JSON.writeValueAsString(new RegisterRequest(token, tlsCsr, signingCsr, dns, ip));
        return certificates(post("/troad/registration", "application/json", body));
    }

    /**
     * @param serverId {@code OWNER/CODE}, e.g. {@code TW/GOV/MOI/ss1}
     * @param current the security server's current signing key and chain
     * @throws RegistrationException if the central server refused
     */
    public Certificates renew(
            String serverId,
            SigningIdentity current,
            String tlsCsr,
            String signingCsr,
            List<String> dns,
            List<String> ip) {
        var request = new RenewalRequest(serverId, tlsCsr, signingCsr, dns, ip, Instant.now());
        String jws = new JwsSigner(current)
                .signJson(JSON.writeValueAsString(request), new JwsHeaders(RegistrationMessages.RENEWAL_TYPE, "json"));
        return certificates(post("/troad/registration/renewal", "application/jose", jws));
    }

    private String post(String path, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(centralUrl.toString().replaceAll("/+$", "") + path))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw refused(response);
            }
            return response.body();
        } catch (IOException e) {
            throw new RegistrationException(
                    0, "UNREACHABLE", "the central server cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistrationException(0, "INTERRUPTED", "interrupted while calling the central server");
        }
    }

    private static RegistrationException refused(HttpResponse<String> response) {
        String code = "HTTP_" + response.statusCode();
        String message = "the central server answered " + response.statusCode();
        try {
            JsonNode problem = JSON.readTree(response.body());
            code = text(problem, "code", code);
            message = text(problem, "detail", message);
        } catch (JacksonException e) {
            // not a problem document: keep the status alone
        }
        return new RegistrationException(response.statusCode(), code, message);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? fallback : value.asString();
    }

    private static Certificates certificates(String json) {
        Issued issued = JSON.readValue(json, Issued.class);
        return new Certificates(
                issued.serverId(),
                chain(issued.tlsChain()),
                chain(issued.signingChain()),
                URI.create(issued.globalConfigurationUrl()),
                Optional.ofNullable(issued.anchor()));
    }

    private static List<X509Certificate> chain(@Nullable String pem) {
        return Pem.certificates(pem == null ? new byte[0] : pem.getBytes(StandardCharsets.US_ASCII));
    }
}
