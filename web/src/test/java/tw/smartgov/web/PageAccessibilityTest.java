package tw.smartgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker must catch what it claims to catch, or a passing page proves nothing. */
class PageAccessibilityTest {
    static final String GOOD = """
            <html lang="zh-Hant-TW"><head><title>T</title></head><body>
            <a href="#main-content">跳到主要內容</a><header>SmartGov</header>
            <main id="main-content"><h1>A</h1><h2>B</h2>
            <a href="/x">x</a><img src="i.png" alt="logo"><form method="post">
            <input type="hidden" name="_csrf" value="t"><label for="q">查詢</label><input id="q" name="q">
            <button>送出</button></form>
            <table><tr><th scope="col">欄</th></tr></table></main><footer>footer</footer></body></html>
            """;

    @Test
    void acceptsAWellFormedPage() {
        assertThat(PageAccessibility.problems(GOOD)).isEmpty();
        assertThat(PageAccessibility.csrfProblems(GOOD)).isEmpty();
    }

    @Test
    void flagsMissingLanguageTitleUnnamedLinksAndUnlabelledFields() {
        String broken = """
                <html><head></head><body><h1>A</h1><h3>skipped</h3>
                <a href="/x"></a><img src="i.png"><form method="post"><input name="q"><button></button></form></body></html>
                """;
        assertThat(PageAccessibility.problems(broken))
                .anyMatch(p -> p.contains("lang"))
                .anyMatch(p -> p.contains("<title>"))
                .anyMatch(p -> p.contains("h1 to h3"))
                .anyMatch(p -> p.contains("link without a name"))
                .anyMatch(p -> p.contains("button without a name"))
                .anyMatch(p -> p.contains("alt text"))
                .anyMatch(p -> p.contains("without a label"))
                .anyMatch(p -> p.contains("<main>"))
                .anyMatch(p -> p.contains("<header> or <footer>"))
                .anyMatch(p -> p.contains("skip link"));
        assertThat(PageAccessibility.csrfProblems(broken)).anyMatch(p -> p.contains("CSRF"));
    }

    @Test
    void flagsASecondH1AnUnknownLanguageUnscopedHeadersAndDuplicateIds() {
        String broken = GOOD.replace("zh-Hant-TW\"", "fr\"")
                .replace("<h2>B</h2>", "<h1>B</h1>")
                .replace("scope=\"col\"", "")
                .replace("<a href=\"/x\">", "<a id=\"q\" href=\"/x\">");
        assertThat(PageAccessibility.problems(broken))
                .anyMatch(p -> p.contains("neither zh-Hant-TW nor en"))
                .anyMatch(p -> p.contains("exactly one <h1>, has 2"))
                .anyMatch(p -> p.contains("without scope"))
                .anyMatch(p -> p.contains("id used twice: q"));
    }

    @Test
    void flagsASkipLinkThatDoesNotLeadToMain() {
        String broken = GOOD.replace("<a href=\"#main-content\">", "<a href=\"#nowhere\">");
        assertThat(PageAccessibility.problems(broken))
                .containsExactly("the first link is not a skip link to <main> (WCAG 2.4.1)");
    }
}
