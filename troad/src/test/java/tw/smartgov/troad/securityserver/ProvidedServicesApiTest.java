package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.identifier.ServiceId;

class ProvidedServicesApiTest extends SecurityServerAdminTestBase {
    private static final String API = "/admin/troad/security-server/services";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT = "openapi: 3.0.3\ninfo:\n  title: Person\n  version: '1'\npaths: {}\n";

    @Test
    void putListShowAndRemoveAService() {
        String body = JSON.writeValueAsString(java.util.Map.of(
                "service", "TW/GOV/B/registry/person", "backend", "http://10.0.0.5:8080/api", "openapi", DOCUMENT));
        var saved = put(API, body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        var service = ServiceId.parse("TW/GOV/B/registry/person");
        assertThat(providedServices.backend(service)).hasValue(URI.create("http://10.0.0.5:8080/api"));
        var list = JSON.readTree(get(API).body()).get("services");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("serviceType").asString()).isEqualTo("OPENAPI");
        var one = JSON.readTree(get(API + "?service=TW/GOV/B/registry/person").body());
        assertThat(one.get("openapi").asString()).isEqualTo(DOCUMENT);

        var removed = post(API + "/remove", "application/json", "{\"service\":\"TW/GOV/B/registry/person\"}");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(providedServices.backend(service)).isEmpty();
        var again = post(API + "/remove", "application/json", "{\"service\":\"TW/GOV/B/registry/person\"}");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("\"code\":\"SERVICE_NOT_FOUND\"");
    }

    @Test
    void aBadBackendOrOpenApiDocumentIsRefused() {
        var badBackend = put(API, "{\"service\":\"TW/GOV/B/registry/person\",\"backend\":\"file:///etc/passwd\"}");
        assertThat(badBackend.statusCode()).isEqualTo(400);
        assertThat(badBackend.body()).contains("\"code\":\"INVALID_REQUEST\"", "absolute http or https URL");

        var badDocument =
                put(API, "{\"service\":\"TW/GOV/B/registry/person\",\"backend\":\"http://x/\",\"openapi\":\"[1, 2\"}");
        assertThat(badDocument.statusCode()).isEqualTo(400);
        assertThat(badDocument.body()).contains("\"code\":\"INVALID_OPENAPI\"");
        assertThat(providedServices.list()).isEmpty();
    }
}
