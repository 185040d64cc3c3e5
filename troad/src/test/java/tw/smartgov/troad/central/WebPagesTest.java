package tw.smartgov.troad.central;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.registration.RegistrationClient;
import tw.smartgov.web.PageAccessibility;

class WebPagesTest extends CentralIntegrationTest {

    static void assertAccessible(Document page) {
        assertThat(PageAccessibility.problems(page.outerHtml())).isEmpty();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-Hant-TW");
        assertThat(page.select("h1")).hasSize(1);
        for (Element field : page.select("input, select, textarea")) {
            assertThat(page.select("label[for=" + field.id() + "]"))
                    .as("label for " + field.attr("name"))
                    .hasSize(1);
        }
        assertThat(page.select("th"))
                .allSatisfy(th -> assertThat(th.attr("scope")).isIn("col", "row"));
    }

    @Test
    void theCatalogListsTheServiceBilinguallyWithALinkToItsOpenApi() {
        String subsystem = memberWithSubsystem(unique("CAT"), "household");
        put(
                "/admin/troad/services/" + subsystem + "/person-record",
                "application/json",
                RegistryApiTest.resource("person-record.json"));

        var response = get("/troad/catalog");
        Document page = Jsoup.parse(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertAccessible(page);
        assertThat(page.select("h1").text()).contains("服務目錄");
        assertThat(Jsoup.parse(get("/troad/catalog?lang=en").body())
                        .select("h1")
                        .text())
                .contains("service catalog");
        assertThat(page.text()).contains("戶籍資料 Person record", "1.2.0");
        String link = page.select("a[href*=openapi]").stream()
                .map(a -> a.attr("href"))
                .filter(h -> h.contains("person-record"))
                .findFirst()
                .orElseThrow();
        var document = get(link);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\": \"3.0.3\"");
    }

    @Test
    void theAdminPageFormRegistersAServiceWithItsOpenApiAndRefusesAnInvalidOne() {
        String subsystem = memberWithSubsystem(unique("SVC"), "household");
        String document = RegistryApiTest.resource("person-record.json");
        var registered = post(
                "/admin/troad/forms/service",
                "application/x-www-form-urlencoded",
                "id=" + form(subsystem + "/person-record") + "&openapi=" + form(document));
        Document page = Jsoup.parse(registered.body());

        assertThat(registered.statusCode()).isEqualTo(200);
        assertAccessible(page);
        assertThat(page.text()).contains("已登錄服務 Service registered: " + subsystem + "/person-record");
        assertThat(page.select("#services-heading ~ table th[scope=row]").text())
                .contains(subsystem + "/person-record");
        assertThat(get("/admin/troad/services/" + subsystem + "/person-record").body())
                .contains("戶籍資料 Person record");

        var refused = post(
                "/admin/troad/forms/service",
                "application/x-www-form-urlencoded",
                "id=" + form(subsystem + "/broken") + "&openapi=" + form("openapi: 3.0.3\ninfo: {}\n"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).contains("OpenAPI");
        assertThat(get("/admin/troad/services/" + subsystem + "/broken").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theAdminPageFormsRenameAndRemoveMembersAndSubsystemsOnlyOnceUnused() {
        String code = unique("RM");
        String member = "TW/GOV/" + code;
        String subsystem = memberWithSubsystem(code, "app");
        String form = "application/x-www-form-urlencoded";

        var renamed = post("/admin/troad/forms/member/rename", form, "id=" + member + "&name=" + form("新名稱 Renamed"));
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertAccessible(Jsoup.parse(renamed.body()));
        assertThat(Jsoup.parse(renamed.body())
                        .select("#members-heading ~ table tr")
                        .text())
                .contains(member + " 新名稱 Renamed");

        var stillUsed = post("/admin/troad/forms/member/remove", form, "id=" + member);
        assertThat(stillUsed.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stillUsed.body()).select("[role=alert]").text()).contains("remove those first");

        assertThat(post("/admin/troad/forms/subsystem/remove", form, "id=" + subsystem)
                        .statusCode())
                .isEqualTo(200);
        var removed = post("/admin/troad/forms/member/remove", form, "id=" + member);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(removed.body()).text()).contains("已移除成員 Member removed: " + member);
        assertThat(Jsoup.parse(removed.body())
                        .select("#members-heading ~ table th[scope=row]")
                        .text())
                .doesNotContain(member);
        assertThat(post("/admin/troad/forms/member/remove", form, "id=" + member)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/admin/troad/forms/member/remove", form, "id=not an id")
                        .statusCode())
                .isEqualTo(400);
    }

    private static String form(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theAdminPageListsTheRegistryAndItsFormsCreateMembersAndTokens() {
        String code = unique("ADM");
        var added = post(
                "/admin/troad/forms/member",
                "application/x-www-form-urlencoded",
                "id=TW/GOV/" + code + "&name=%E6%B8%AC%E8%A9%A6+Test");
        assertThat(added.statusCode()).isEqualTo(200);
        post("/admin/troad/forms/subsystem", "application/x-www-form-urlencoded", "id=TW/GOV/" + code + "/app");

        var token = post(
                "/admin/troad/forms/token",
                "application/x-www-form-urlencoded",
                "owner=TW/GOV/" + code + "&code=ss1&address=https://ss1.test:5500&clients=TW/GOV/" + code + "/app");
        Document page = Jsoup.parse(token.body());

        assertAccessible(page);
        assertThat(page.select("form[method=post]")).hasSize(7);
        assertThat(page.text()).contains("TW/GOV/" + code, "測試 Test", "只顯示這一次");
        String shownToken = page.select("#token-heading ~ p code").last().text();
        var keys = tw.smartgov.trust.ca.TestPki.keyPair("EC", "secp256r1");
        new RegistrationClient(uri(""))
                .register(
                        shownToken,
                        RegistrationTest.csr(keys, "CN=t"),
                        RegistrationTest.csr(keys, "CN=s"),
                        java.util.List.of(),
                        java.util.List.of());
        Document after = Jsoup.parse(get("/admin/troad").body());
        assertThat(after.select("#servers-heading ~ table th[scope=row]").text())
                .contains("TW/GOV/" + code + "/ss1");
        var refused = post("/admin/troad/forms/subsystem", "application/x-www-form-urlencoded", "id=TW/GOV/NONE/x");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).contains("TW/GOV/NONE");
    }
}
