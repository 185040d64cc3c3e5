package tw.smartgov.troad.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.securityserver.config.AccessGrant;

class SecurityServerPageTest extends SecurityServerAdminTestBase {
    private static final String PAGE = "/admin/troad/security-server";

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void thePageIsBilingualWithOneHeadingLabelledFieldsAndScopedHeaders() {
        accessRights.grant(AccessGrant.whole(TRoadNetwork.OTHER, TRoadNetwork.PERSON));
        var response = get(PAGE);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());

        assertThat(page.select("html").attr("lang")).isEqualTo("zh-Hant-TW");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select("h2").text()).contains("存取權限", "提供的服務");
        assertThat(Jsoup.parse(get(PAGE + "?lang=en").body()).select("h2").text())
                .contains("Access rights", "Provided services");
        for (Element field : page.select("input:not([type=hidden]), select, textarea")) {
            assertThat(page.select("label[for=" + field.id() + "]"))
                    .as("label of " + field)
                    .hasSize(1);
        }
        assertThat(page.select("th"))
                .allSatisfy(th -> assertThat(th.attr("scope")).isNotBlank());
        assertThat(page.select("tbody").first().text()).contains("TW/GOV/A/other", "TW/GOV/B/registry/person");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/smartgov.css");
    }

    @Test
    void formsGrantRevokeAndAddAServiceWithoutJavaScript() {
        var granted = post(
                PAGE + "/forms/grant",
                FORM,
                "client=TW%2FGOV%2FA%2Fother&service=TW%2FGOV%2FB%2Fregistry%2Fperson&method=GET");
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(granted.body()).select("[role=status]").text()).contains("Access granted");
        assertThat(accessRights.list()).hasSize(1);

        var revoked = post(
                PAGE + "/forms/revoke",
                FORM,
                "client=TW%2FGOV%2FA%2Fother&service=TW%2FGOV%2FB%2Fregistry%2Fperson&method=GET&pathPrefix=");
        assertThat(Jsoup.parse(revoked.body()).select("[role=status]").text()).contains("Access revoked");
        assertThat(accessRights.list()).isEmpty();

        var service = post(
                PAGE + "/forms/service",
                FORM,
                "service=TW%2FGOV%2FB%2Fregistry%2Fperson&backend=http%3A%2F%2F10.0.0.5%2Fapi");
        assertThat(Jsoup.parse(service.body()).select("tbody").last().text()).contains("http://10.0.0.5/api");

        var bad = post(PAGE + "/forms/grant", FORM, "client=nonsense&service=TW%2FGOV%2FB%2Fr%2Fs");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).select("[role=alert]").text()).contains("client");
    }
}
