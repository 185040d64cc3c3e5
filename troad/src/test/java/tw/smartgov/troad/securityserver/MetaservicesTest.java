package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.troad.securityserver.TRoadNetwork.APP;
import static tw.smartgov.troad.securityserver.TRoadNetwork.OTHER;
import static tw.smartgov.troad.securityserver.TRoadNetwork.PERSON;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.troad.protocol.XRoadHeaders;
import tw.smartgov.troad.securityserver.config.AccessGrant;

/** The X-Road REST metaservices (PR-MREST) through real loopback security servers. */
class MetaservicesTest {
    private static final String PROVIDER = "/r1/TW/GOV/B/registry/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TRoadNetwork t = TRoadNetwork.shared();

    @AfterEach
    void reset() {
        t.reset();
    }

    private HttpResponse<String> get(String path, String client) {
        var request = t.request(t.a, path).GET();
        if (client != null) {
            request.header(XRoadHeaders.CLIENT, client);
        }
        return t.send(request.build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static List<String> serviceCodes(JsonNode body) {
        List<String> codes = new ArrayList<>();
        body.get("service").forEach(s -> codes.add(s.get("service_code").asString()));
        return codes;
    }

    @Test
    void listClientsListsEveryMemberAndSubsystemOfTheGlobalConfigurationInXRoadShape() {
        JsonNode body = json(get("/listClients", null));

        JsonNode app = null;
        for (JsonNode member : body.get("member")) {
            if ("app".equals(member.get("id").path("subsystem_code").asString(""))) {
                app = member;
            }
        }
        assertThat(app).isNotNull();
        assertThat(app.get("name").asString()).isEqualTo("Agency A");
        assertThat(app.get("id").get("member_class").asString()).isEqualTo("GOV");
        assertThat(app.get("id").get("member_code").asString()).isEqualTo("A");
        assertThat(app.get("id").get("xroad_instance").asString()).isEqualTo("TW");
        assertThat(app.get("id").get("object_type").asString()).isEqualTo("SUBSYSTEM");
        assertThat(body.get("member").size()).isEqualTo(4 + 6); // members plus subsystems
        assertThat(json(get("/r1/listClients", null))).isEqualTo(body);
    }

    @Test
    void listMethodsListsTheProvidersServicesAndIsLoggedOnBothSides() {
        var response = get(PROVIDER + "listMethods", OTHER.encoded());
        JsonNode body = json(response);

        assertThat(serviceCodes(body)).containsExactly("down", "person");
        JsonNode person = body.get("service").get(1);
        assertThat(person.get("member_class").asString()).isEqualTo("GOV");
        assertThat(person.get("member_code").asString()).isEqualTo("B");
        assertThat(person.get("subsystem_code").asString()).isEqualTo("registry");
        assertThat(person.get("xroad_instance").asString()).isEqualTo("TW");
        assertThat(person.get("object_type").asString()).isEqualTo("SERVICE");
        assertThat(person.get("service_type").asString()).isEqualTo("OPENAPI");
        assertThat(body.get("service").get(0).get("service_type").asString()).isEqualTo("REST");
        assertThat(t.clientLog.recordsOf(response)).hasSize(1);
        assertThat(t.providerLog.recordsOf(response)).hasSize(1);
    }

    @Test
    void allowedMethodsListsOnlyTheServicesTheCallerHoldsAGrantFor() {
        assertThat(serviceCodes(json(get(PROVIDER + "allowedMethods", OTHER.encoded()))))
                .isEmpty();
        assertThat(serviceCodes(json(get(PROVIDER + "allowedMethods", APP.encoded()))))
                .containsExactly("down", "person");

        t.rights.grant(new AccessGrant(OTHER, PERSON, "GET", "/public"));

        assertThat(serviceCodes(json(get(PROVIDER + "allowedMethods", OTHER.encoded()))))
                .containsExactly("person");
    }

    @Test
    void getOpenApiReturnsTheStoredDocument() {
        var response = get(PROVIDER + "getOpenAPI?serviceCode=person", OTHER.encoded());

        assertThat(json(response)).isEqualTo(JSON.readTree(TRoadNetwork.PERSON_OPENAPI));
    }

    @Test
    void getOpenApiOfAnUnknownServiceOrWithoutDocumentIsATypedError() {
        var unknown = get(PROVIDER + "getOpenAPI?serviceCode=nothing", APP.encoded());
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(unknown.headers().firstValue(XRoadHeaders.ERROR)).hasValue("Server.ServerProxy.UnknownService");
        assertThat(unknown.body()).contains("TW/GOV/B/registry/nothing");

        var noDocument = get(PROVIDER + "getOpenAPI?serviceCode=down", APP.encoded());
        assertThat(noDocument.headers().firstValue(XRoadHeaders.ERROR)).hasValue("Server.ServerProxy.UnknownService");
        assertThat(noDocument.body()).contains("no OpenAPI description");

        var missing = get(PROVIDER + "getOpenAPI", APP.encoded());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue(XRoadHeaders.ERROR)).hasValue("Client.BadRequest");
    }

    @Test
    void metaservicesOfASubsystemTheProviderDoesNotServeAreUnknown() {
        var response = get("/r1/TW/GOV/B/nope/listMethods", APP.encoded());
        assertThat(response.headers().firstValue(XRoadHeaders.ERROR)).hasValue("Server.ClientProxy.UnknownSubsystem");
    }
}
