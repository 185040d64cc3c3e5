package tw.smartgov.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tw.smartgov.identity.LevelOfAssurance;
import tw.smartgov.identity.NationalId;
import tw.smartgov.identity.certificate.CardResponse;
import tw.smartgov.web.MessageKeyParity;
import tw.smartgov.web.PageAccessibility;

/**
 * The identity pages on the shared layout: accessible in both languages (zh-TW first, English by the
 * switch), their forms carrying CSRF tokens, and a Content-Security-Policy that lets the layout's own
 * scripts and styles load.
 */
class IdentityPagesTest extends RunningProvider {

    /** The layout's checks, and the language the page says it is in. */
    static Document assertAccessible(HttpResponse<String> response, String lang) {
        Document page = Browser.html(response);
        assertThat(PageAccessibility.problems(page.outerHtml()))
                .as(response.uri().toString())
                .isEmpty();
        assertThat(PageAccessibility.csrfProblems(page.outerHtml())).isEmpty();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo(lang);
        assertThat(page.select("header.govuk-header")).hasSize(1);
        assertThat(page.getElementById("language-switch")).isNotNull();
        return page;
    }

    /** A browser that has chosen {@code lang} with the language switch's parameter. */
    Browser browserIn(String lang) {
        Browser browser = new Browser(base());
        browser.get("/identity/sign-in?lang=" + lang);
        return browser;
    }

    @Test
    void theSignInPageShowsTheChallengeTheCommandAndALabelledResponseFieldInBothLanguages() {
        Document chinese = assertAccessible(new Browser(base()).get("/identity/sign-in"), "zh-Hant-TW");
        assertThat(chinese.select("h1").text()).isEqualTo("登入 SmartGov");
        String challenge = chinese.getElementById("challenge").text();
        assertThat(challenge).isNotBlank();
        assertThat(chinese.getElementById("challenge").closest(".govuk-inset-text"))
                .isNotNull();
        assertThat(chinese.getElementById("command").text())
                .isEqualTo("./smartgov card sign --card smartgov-data/cards/YOUR-CARD.p12 --challenge " + challenge);
        assertThat(chinese.select("label[for=response]").text()).isEqualTo("簽署結果");
        assertThat(chinese.getElementById("response").attr("aria-describedby")).isEqualTo("response-help");
        assertThat(chinese.getElementById("error")).isNull();
        Element form = chinese.selectFirst("form");
        assertThat(form.attr("action")).isEqualTo("/identity/sign-in/certificate");
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        assertThat(form.select("button[type=submit]").text()).isEqualTo("登入");
        assertThat(chinese.getElementById("language-switch").attr("href")).isEqualTo("/identity/sign-in?lang=en");

        Document english = assertAccessible(new Browser(base()).get("/identity/sign-in?lang=en"), "en");
        assertThat(english.select("h1").text()).isEqualTo("Sign in to SmartGov");
        assertThat(english.select("label[for=response]").text()).isEqualTo("Signed response");
        assertThat(english.title()).startsWith("Sign in to SmartGov");
    }

    @Test
    void aRefusedSignInShowsAnErrorSummaryLinkedToTheFieldAndItsErrorInBothLanguages() {
        for (var lang : List.of("zh-Hant-TW", "en")) {
            Browser browser = lang.equals("en") ? browserIn("en") : new Browser(base());
            var page = Browser.html(browser.get("/identity/sign-in"));
            var refused = browser.post(
                    "/identity/sign-in/certificate",
                    Map.of("_csrf", csrf(page.selectFirst("form")), "response", "not a signed response"));
            assertThat(refused.statusCode()).isEqualTo(401);
            Document shown = assertAccessible(refused, lang);
            Element error = shown.getElementById("error");
            assertThat(error.hasClass("govuk-error-summary")).isTrue();
            assertThat(error.select("[role=alert] a[href=#response]").text())
                    .contains(lang.equals("en") ? "not a signed response" : "不是憑證卡的簽署結果");
            assertThat(shown.title()).startsWith(lang.equals("en") ? "Error: " : "錯誤：");
            assertThat(shown.selectFirst("h1").nextElementSibling()).isEqualTo(error);
            assertThat(shown.getElementById("response-error").text())
                    .contains(lang.equals("en") ? "not a signed response" : "不是憑證卡的簽署結果");
            assertThat(shown.getElementById("response").attr("aria-describedby"))
                    .isEqualTo("response-help response-error");
            assertThat(shown.select(".govuk-form-group--error #response")).hasSize(1);
            assertThat(shown.getElementById("challenge").text())
                    .isNotEqualTo(page.getElementById("challenge").text());
            // the language switch goes to the page, not to the form's address
            assertThat(shown.getElementById("language-switch").attr("href")).startsWith("/identity/sign-in?lang=");
        }
    }

    @Test
    void theAccountPageShowsTheSignedInPersonAndSignsOut() {
        var register = this.register;
        var citizen = register.enrol(NationalId.withCheckDigit("K12468024"), "林怡君");
        var card =
                CardResponse.open(cards.issue(citizen, Duration.ofDays(1), PIN).pkcs12(), PIN);
        Browser browser = new Browser(base());
        assertThat(Browser.location(signIn(browser, card))).endsWith("/identity/account");

        Document chinese = assertAccessible(browser.get("/identity/account"), "zh-Hant-TW");
        assertThat(chinese.select("h1").text()).isEqualTo("您的 SmartGov 帳號");
        assertThat(chinese.getElementById("account-name").text()).isEqualTo("林怡君");
        // the layout names the person, not the account's id
        assertThat(chinese.getElementById("signed-in-person").text()).contains("林怡君");
        assertThat(chinese.getElementById("account-level").text()).contains("高");
        assertThat(chinese.select("#account-summary time").attr("datetime")).isNotBlank();

        Document english = assertAccessible(browser.get("/identity/account?lang=en"), "en");
        assertThat(english.getElementById("account-name").text()).isEqualTo("林怡君");
        assertThat(english.getElementById("account-level").text()).contains("High");
        Element signOut = english.select("form[action=/identity/sign-out]").first();
        var signedOut = browser.post("/identity/sign-out", Map.of("_csrf", csrf(signOut)));
        assertThat(Browser.location(signedOut)).endsWith("/identity/sign-in?signed-out");
        Document after = assertAccessible(browser.get("/identity/sign-in?signed-out"), "en");
        assertThat(after.select(".govuk-notification-banner--success").text()).contains("You are signed out.");
        assertThat(browser.get("/identity/account").statusCode()).isEqualTo(302);
    }

    @Test
    void theConsentPageListsWhatTheServiceWillReceiveInBothLanguages() throws Exception {
        ensureCitizen();
        Client client = client(REDIRECT, LevelOfAssurance.HIGH, List.of("profile", "national_id"));
        for (var lang : List.of("zh-Hant-TW", "en")) {
            Browser browser = lang.equals("en") ? browserIn("en") : new Browser(base());
            Pushed pushed = push(client, REDIRECT, Map.of());
            browser.get(authorizeUrl(client, pushed.requestUri()).toString());
            var next = browser.get(Browser.location(signIn(browser, card)));
            String consent = Browser.location(next);
            assertThat(consent).contains("/identity/consent");

            Document page = assertAccessible(browser.get(consent), lang);
            boolean en = lang.equals("en");
            assertThat(page.select("h1").text()).isEqualTo(en ? "Share your information" : "提供您的資料");
            assertThat(page.getElementById("consent-intro").text()).contains("測試服務");
            assertThat(page.select("#always-released li").text())
                    .contains(en ? "specific to this service" : "此服務專用的識別碼");
            assertThat(page.select("input[type=checkbox][name=scope]").eachAttr("value"))
                    .containsExactlyInAnyOrder("profile", "national_id");
            assertThat(page.select("label[for=scope-national_id]").text())
                    .isEqualTo(en ? "Your national identification number" : "您的身分證統一編號");
            assertThat(page.getElementById("approve").text()).isEqualTo(en ? "Allow" : "同意");
            assertThat(page.getElementById("deny").text()).isEqualTo(en ? "Do not allow" : "不同意");
            assertThat(page.getElementById("language-switch").attr("href"))
                    .contains("/identity/consent?")
                    .contains("client_id=")
                    .contains("lang=" + (en ? "zh-TW" : "en"));
        }
    }

    @Test
    void theContentSecurityPolicyAllowsTheLayoutsOwnScriptsAndStylesOnly() {
        Browser browser = new Browser(base());
        var response = browser.get("/identity/sign-in");
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'").doesNotContain("unsafe-inline");
        assertThat(policy).doesNotContainPattern("(script|style)-src(?! 'self')");
        Document page = Browser.html(response);
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("style, [style]")).isEmpty();
        List<String> assets =
                new java.util.ArrayList<>(page.select("script[src]").eachAttr("src"));
        assets.addAll(page.select("link[rel=stylesheet]").eachAttr("href"));
        assertThat(assets)
                .contains("/css/smartgov.css", "/js/smartgov.js")
                .anySatisfy(a -> assertThat(a).startsWith("/webjars/"));
        for (String asset : assets) {
            assertThat(asset).as("same origin").startsWith("/");
            assertThat(browser.get(asset).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void identitysMessagesAreInBothLanguages() {
        assertThat(MessageKeyParity.problems()).isEmpty();
    }
}
