package tw.smartgov.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.security.Principal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

@SpringBootTest(
        classes = LayoutTestApplication.class,
        properties = {"smartgov.web.phase=beta", "smartgov.web.sign-in-url=/sign-in"})
@AutoConfigureMockMvc
class LayoutTest {
    @Autowired
    MockMvc mvc;

    MvcResult send(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    Document page(RequestBuilder request) throws Exception {
        MvcResult result = send(request);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void aPageHasTheSmartGovLayoutInTraditionalChineseByDefault() throws Exception {
        Document page = page(get("/sample"));

        assertThat(PageAccessibility.problems(page.outerHtml())).isEmpty();
        assertThat(page.select("html").attr("lang")).isEqualTo("zh-Hant-TW");
        assertThat(page.title()).isEqualTo("範例頁 – SmartGov 智慧政府服務平台");
        assertThat(page.selectFirst("body a").attr("href")).isEqualTo("#main-content");
        assertThat(page.select("main#main-content h1").text()).isEqualTo("範例頁");
        assertThat(page.select("header .govuk-header__link--homepage").text()).isEqualTo("SmartGov");
        assertThat(page.select(".govuk-service-navigation__service-name").text())
                .isEqualTo("智慧政府服務平台");
        assertThat(page.select(".govuk-breadcrumbs li").eachText()).containsExactly("首頁", "範例");
        assertThat(page.select(".govuk-phase-banner").text()).contains("Beta", "這是新的服務");
        // the resource chain names the WebJar's version in the URL, so browsers may cache it for good
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
                .satisfiesExactly(
                        css -> assertThat(css)
                                .matches(
                                        "/webjars/govuk-frontend/\\d+\\.\\d+\\.\\d+/dist/govuk/govuk-frontend.min.css"),
                        css -> assertThat(css).isEqualTo("/css/smartgov.css"));
        assertThat(page.select("script[type=module]").attr("src")).isEqualTo("/js/smartgov.js");
        assertThat(page.select("footer").text()).contains("Apache License 2.0", "GOV.UK Frontend");
    }

    @Test
    void carriesNoneOfTheUkGovernmentsIdentity() throws Exception {
        Document page = page(get("/sample"));
        page.select("footer a[href^=https://frontend.design-system]").remove(); // the credit, not a brand
        assertThat(page.outerHtml()).doesNotContainIgnoringCase("GOV.UK").doesNotContainIgnoringCase("crown");
        assertThat(page.select("svg, img")).isEmpty();
        String css = send(get("/css/smartgov.css")).getResponse().getContentAsString();
        assertThat(css)
                .contains("font-family: var(--smartgov-font)", "\"Noto Sans TC\"")
                .doesNotContain("GDS");
    }

    @Test
    void theLanguageSwitchShowsEnglishAndACookieKeepsTheChoice() throws Exception {
        Document chinese = page(get("/sample"));
        var toEnglish = chinese.selectFirst("#language-switch");
        assertThat(toEnglish.attr("href")).isEqualTo("/sample?lang=en");
        assertThat(toEnglish.attr("lang")).isEqualTo("en");
        assertThat(toEnglish.text()).isEqualTo("English");

        MvcResult switched = send(get(toEnglish.attr("href")));
        Document english = Jsoup.parse(switched.getResponse().getContentAsString());
        assertThat(PageAccessibility.problems(english.outerHtml())).isEmpty();
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.title()).isEqualTo("Sample page – SmartGov smart government services");
        assertThat(english.select(".govuk-breadcrumbs li").eachText()).containsExactly("Home", "Samples");
        assertThat(english.select("#language-switch").attr("href")).isEqualTo("/sample?lang=zh-TW");
        assertThat(english.select("#language-switch").attr("lang")).isEqualTo("zh-Hant-TW");
        Cookie cookie = switched.getResponse().getCookie(LanguageResolver.COOKIE);
        assertThat(cookie.getValue()).isEqualTo("en");

        assertThat(page(get("/sample").cookie(cookie)).select("h1").text()).isEqualTo("Sample page");
        assertThat(page(get("/sample?lang=zh-TW").cookie(cookie)).select("h1").text())
                .isEqualTo("範例頁");
    }

    @Test
    void anyOtherLanguageIsTakenAsTraditionalChinese() throws Exception {
        MvcResult french = send(get("/sample?lang=fr"));
        assertThat(Jsoup.parse(french.getResponse().getContentAsString())
                        .select("html")
                        .attr("lang"))
                .isEqualTo("zh-Hant-TW");
        assertThat(french.getResponse().getCookie(LanguageResolver.COOKIE).getValue())
                .isEqualTo("zh-TW");
        Document tampered = page(get("/sample").cookie(new Cookie(LanguageResolver.COOKIE, "fr")));
        assertThat(tampered.select("html").attr("lang")).isEqualTo("zh-Hant-TW");
        assertThat(page(get("/sample?lang=nonsense!")).select("h1").text()).isEqualTo("範例頁");
    }

    @Test
    void theLanguageSwitchKeepsTheOtherQueryParameters() throws Exception {
        Document page = page(get(URI.create("/sample?q=a%20b&lang=en&page=2")));
        String href = page.select("#language-switch").attr("href");
        assertThat(URI.create(href).getRawQuery()).isEqualTo("q=a%20b&page=2&lang=zh-TW");
    }

    @Test
    void showsTheSignedInPersonOrTheSignInLink() throws Exception {
        Document signedIn = page(get("/sample").principal((Principal) () -> "王小明"));
        assertThat(signedIn.select("#signed-in-person").text()).isEqualTo("已登入：王小明");
        assertThat(signedIn.select("a[href=/sign-in]")).isEmpty();

        Document anonymous = page(get("/sample"));
        assertThat(anonymous.select("#signed-in-person")).isEmpty();
        assertThat(anonymous.select("a[href=/sign-in]").text()).isEqualTo("登入");
    }

    @Test
    void aFormWithAnErrorSummarisesItAndLinksToTheMarkedField() throws Exception {
        Document page = page(post("/sample/form").param("name", " "));

        assertThat(PageAccessibility.problems(page.outerHtml())).isEmpty();
        assertThat(page.title()).startsWith("錯誤：填寫表單");
        var summary = page.selectFirst(".govuk-error-summary [role=alert]");
        assertThat(summary.select("h2").text()).isEqualTo("出現問題");
        assertThat(summary.select("a[href=#name]").text()).isEqualTo("請輸入名稱");
        assertThat(page.select(".govuk-form-group--error #name-error").text()).isEqualTo("錯誤： 請輸入名稱");
        assertThat(page.select("input#name").attr("aria-describedby")).isEqualTo("name-hint name-error");
        assertThat(page.select("input#name").hasClass("govuk-input--error")).isTrue();
        // the answer to a post switches language on the form's own page, not by posting again
        assertThat(page.select("#language-switch").attr("href")).isEqualTo("/sample/form?lang=en");

        Document saved = page(post("/sample/form").param("name", "內政部"));
        assertThat(saved.title()).startsWith("填寫表單");
        assertThat(saved.select(".govuk-error-summary, .govuk-error-message")).isEmpty();
        assertThat(saved.select("input#name").attr("aria-describedby")).isEqualTo("name-hint");
        assertThat(saved.select("[role=status]").text()).contains("已儲存");
    }

    @Test
    void everyComponentRendersWithTheDesignSystemsMarkup() throws Exception {
        Document page = page(get("/sample?lang=en"));
        assertThat(page.select(".govuk-notification-banner--success[role=status]")
                        .text())
                .contains("Success", "Saved");
        assertThat(page.select(".govuk-notification-banner[role=region]").text())
                .contains("Important", "maintenance");
        assertThat(page.select(".govuk-panel h2.govuk-panel__title").text()).isEqualTo("Application complete");
        assertThat(page.select("strong.govuk-tag.govuk-tag--green").text()).isEqualTo("Active");
        assertThat(page.select(".govuk-summary-list__row").eachText())
                .containsExactly("成員 Member TW/GOV/MOI", "名稱 Name 內政部");
        assertThat(page.select("table.govuk-table caption").text()).isEqualTo("Services");
        assertThat(page.select("table.govuk-table tbody th[scope=row]").eachText())
                .containsExactly("person-record", "tax-record");
    }

    @Test
    void errorPagesUseTheLayout() throws Exception {
        MvcResult result = send(get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/nowhere")
                .accept("text/html"));
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(PageAccessibility.problems(page.outerHtml())).isEmpty();
        assertThat(page.select("h1").text()).isEqualTo("發生錯誤");
        assertThat(page.select("main").text()).contains("404");
    }

    @Test
    void servesTheDesignSystemFromItsWebJarAndTheBrandFromTheClasspath() throws Exception {
        for (String asset : new String[] {
            "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css",
            "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js",
            "/css/smartgov.css",
            "/js/supported.js",
            "/js/smartgov.js"
        }) {
            assertThat(send(get(asset)).getResponse().getStatus()).as(asset).isEqualTo(200);
        }
        String script = send(get("/js/smartgov.js")).getResponse().getContentAsString();
        String imported = script.replaceAll("(?s).*from \"([^\"]+)\".*", "$1");
        String resolved =
                URI.create("http://localhost/js/smartgov.js").resolve(imported).getPath();
        assertThat(send(get(resolved)).getResponse().getContentAsString()).contains("initAll");
    }
}
