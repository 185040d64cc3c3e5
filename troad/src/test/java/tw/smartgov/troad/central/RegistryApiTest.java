package tw.smartgov.troad.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryApiTest extends CentralIntegrationTest {

    static String resource(String name) {
        try (InputStream in = RegistryApiTest.class.getResourceAsStream("/openapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void registersAMemberASubsystemAndAServiceWithItsOpenApi() {
        String code = unique("MOI");
        var created = post(
                "/admin/troad/members",
                "application/json",
                "{\"id\":\"TW/GOV/" + code + "\",\"name\":\"內政部 Ministry of the Interior\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(post("/admin/troad/subsystems", "application/json", "{\"id\":\"TW/GOV/" + code + "/household\"}")
                        .statusCode())
                .isEqualTo(201);

        var service = put(
                "/admin/troad/services/TW/GOV/" + code + "/household/person-record",
                "application/json",
                resource("person-record.json"));

        assertThat(service.statusCode()).isEqualTo(201);
        assertThat(service.body()).contains("\"title\":\"戶籍資料 Person record\"", "\"apiVersion\":\"1.2.0\"");
        assertThat(get("/admin/troad/members/TW/GOV/" + code).body())
                .contains("內政部 Ministry of the Interior", "\"subsystems\":[\"household\"]");
        assertThat(get("/admin/troad/services").body()).contains("TW/GOV/" + code + "/household/person-record");
    }

    @Test
    void anInvalidOpenApiDocumentIsRefusedWithTheParsersMessages() {
        String subsystem = memberWithSubsystem(unique("MOF"), "tax");

        var response =
                put("/admin/troad/services/" + subsystem + "/broken", "application/json", resource("invalid.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"INVALID_OPENAPI\"", "\"errors\":[", "info.title");
        assertThat(get("/admin/troad/services/" + subsystem + "/broken").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aYamlDocumentIsAcceptedAndCanBeDeleted() {
        String subsystem = memberWithSubsystem(unique("MOE"), "school");
        String yaml = "openapi: 3.0.3\ninfo:\n  title: 學籍 Enrolment\n  version: '2'\npaths: {}\n";

        assertThat(put("/admin/troad/services/" + subsystem + "/enrolment", "application/yaml", yaml)
                        .statusCode())
                .isEqualTo(201);
        assertThat(delete("/admin/troad/services/" + subsystem + "/enrolment").statusCode())
                .isEqualTo(204);
        assertThat(delete("/admin/troad/services/" + subsystem + "/enrolment").statusCode())
                .isEqualTo(404);
    }

    @Test
    void membersAndSubsystemsAreRemovedOnlyOnceNothingRefersToThem() {
        String code = unique("DEL");
        String subsystem = memberWithSubsystem(code, "app");
        String member = "TW/GOV/" + code;
        put(
                "/admin/troad/services/" + subsystem + "/enrolment",
                "application/yaml",
                "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths: {}\n");
        post(
                "/admin/troad/security-servers/tokens",
                "application/json",
                "{\"owner\":\"" + member + "\",\"code\":\"ss1\",\"address\":\"https://ss1.test:5500\"}");

        var memberInUse = delete("/admin/troad/members/" + member);
        assertThat(memberInUse.statusCode()).isEqualTo(409);
        assertThat(memberInUse.body()).contains("\"code\":\"STILL_IN_USE\"", "remove those first");
        var subsystemInUse = delete("/admin/troad/subsystems/" + subsystem);
        assertThat(subsystemInUse.statusCode()).isEqualTo(409);
        assertThat(get("/admin/troad/subsystems").body()).contains(subsystem);

        assertThat(delete("/admin/troad/services/" + subsystem + "/enrolment").statusCode())
                .isEqualTo(204);
        assertThat(delete("/admin/troad/subsystems/" + subsystem).statusCode()).isEqualTo(204);
        // the member's unused registration token goes with it
        assertThat(delete("/admin/troad/members/" + member).statusCode()).isEqualTo(204);
        assertThat(get("/admin/troad/members/" + member).statusCode()).isEqualTo(404);
        assertThat(delete("/admin/troad/members/" + member).statusCode()).isEqualTo(404);
        assertThat(get("/troad/globalconf").body()).isNotEmpty();
        assertThat(decodedConfiguration()).doesNotContain(member);
    }

    @Test
    void aMemberCanBeRenamedButNotGivenAnotherId() {
        String member = "TW/GOV/" + unique("REN");
        post("/admin/troad/members", "application/json", "{\"id\":\"" + member + "\",\"name\":\"舊名 Old name\"}");

        var renamed = put("/admin/troad/members/" + member, "application/json", "{\"name\":\"新名 New name\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(renamed.body()).contains("新名 New name");
        assertThat(decodedConfiguration()).contains("新名 New name").doesNotContain("舊名 Old name");

        var moved = put(
                "/admin/troad/members/" + member, "application/json", "{\"id\":\"TW/GOV/ELSEWHERE\",\"name\":\"x\"}");
        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(put("/admin/troad/members/TW/GOV/NOBODY", "application/json", "{\"name\":\"x\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(put("/admin/troad/members/" + member, "application/json", "{\"name\":\"\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    // the payload of the published global configuration (a compact JWS)
    private String decodedConfiguration() {
        String jws = get("/troad/globalconf").body();
        return new String(
                java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aSubsystemOfAnUnknownMemberIsA404AndADuplicateMemberA409() {
        var orphan = post("/admin/troad/subsystems", "application/json", "{\"id\":\"TW/GOV/NOBODY/x\"}");
        assertThat(orphan.statusCode()).isEqualTo(404);
        assertThat(orphan.body()).contains("\"code\":\"UNKNOWN_MEMBER\"");

        String code = unique("DUP");
        String body = "{\"id\":\"TW/GOV/" + code + "\",\"name\":\"重複 Duplicate\"}";
        assertThat(post("/admin/troad/members", "application/json", body).statusCode())
                .isEqualTo(201);
        var again = post("/admin/troad/members", "application/json", body);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"ALREADY_REGISTERED\"");
    }

    @Test
    void malformedInputIsA400WithAClearCode() {
        assertThat(post("/admin/troad/members", "application/json", "{\"id\":\"TW/GOV\",\"name\":\"x\"}")
                        .body())
                .contains("\"code\":\"INVALID_IDENTIFIER\"", "3 parts");
        assertThat(post("/admin/troad/members", "application/json", "{\"id\":\"TW/GOV/X\"}")
                        .body())
                .contains("\"code\":\"INVALID_REQUEST\"", "name is required");
        var garbage = post("/admin/troad/members", "application/json", "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("\"code\":\"MALFORMED_JSON\"").doesNotContain("Exception");
    }
}
