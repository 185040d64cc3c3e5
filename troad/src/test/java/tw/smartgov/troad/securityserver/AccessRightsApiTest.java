package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.protocol.XRoadHeaders;

class AccessRightsApiTest extends SecurityServerAdminTestBase {
    private static final String API = "/admin/troad/security-server/access-rights";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRANT =
            "{\"client\":\"TW/GOV/A/other\",\"service\":\"TW/GOV/B/registry/person\",\"method\":\"get\",\"pathPrefix\":\"/public\"}";

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asString()).isEqualTo(code);
        assertThat(json(response).get("detail").asString()).isNotBlank();
    }

    private HttpResponse<String> callPersonAsOther() {
        return t.send(t.request(t.a, "/r1/TW/GOV/B/registry/person/public/x")
                .header(XRoadHeaders.CLIENT, TRoadNetwork.OTHER.encoded())
                .GET()
                .build());
    }

    @Test
    void grantListAndRevokeRoundTrip() {
        var granted = post(API, "application/json", GRANT);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(json(granted).get("method").asString()).isEqualTo("GET");

        JsonNode list = json(get(API)).get("accessRights");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("client").asString()).isEqualTo("TW/GOV/A/other");
        assertThat(list.get(0).get("pathPrefix").asString()).isEqualTo("/public");

        assertThat(post(API + "/revoke", "application/json", GRANT).statusCode())
                .isEqualTo(200);
        assertThat(json(get(API)).get("accessRights").size()).isZero();
        assertProblem(post(API + "/revoke", "application/json", GRANT), 404, "ACCESS_RIGHT_NOT_FOUND");
    }

    @Test
    void aLiveExchangeIsDeniedByDefaultAndFollowsGrantsMadeThroughTheApi() {
        t.activeRights.delegate = accessRights;
        assertThat(callPersonAsOther().headers().firstValue(XRoadHeaders.ERROR))
                .hasValue("Server.ServerProxy.AccessDenied");

        post(API, "application/json", GRANT);
        assertThat(callPersonAsOther().statusCode()).isEqualTo(200);

        post(API + "/revoke", "application/json", GRANT);
        assertThat(callPersonAsOther().statusCode()).isEqualTo(403);
    }

    @Test
    void invalidInputIsRefusedWithATypedProblem() {
        assertProblem(
                post(API, "application/json", "{\"client\":\"TW/GOV/A\",\"service\":\"TW/GOV/B/registry/person\"}"),
                400,
                "INVALID_IDENTIFIER");
        assertProblem(
                post(API, "application/json", "{\"client\":\"TW/GOV/A/app\",\"service\":\"TW/GOV/B\"}"),
                400,
                "INVALID_IDENTIFIER");
        assertProblem(
                post(
                        API,
                        "application/json",
                        "{\"client\":\"TW/GOV/A/app\",\"service\":\"TW/GOV/B/r/s\",\"method\":\"FETCH\"}"),
                400,
                "INVALID_REQUEST");
        assertProblem(
                post(
                        API,
                        "application/json",
                        "{\"client\":\"TW/GOV/A/app\",\"service\":\"TW/GOV/B/r/s\",\"pathPrefix\":\"persons\"}"),
                400,
                "INVALID_REQUEST");
        assertProblem(post(API, "application/json", "{\"service\":\"TW/GOV/B/r/s\"}"), 400, "INVALID_REQUEST");
        assertProblem(post(API, "application/json", "{not json"), 400, "MALFORMED_JSON");
        assertProblem(post(API, "application/xml", "<grant/>"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }
}
