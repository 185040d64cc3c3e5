package tw.smartgov.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker must catch what it claims to catch, or a passing page proves nothing. */
class PageAccessibilityTest {
    @Test
    void flagsMissingLanguageTitleUnnamedLinksAndUnlabelledFields() {
        var problems = PageAccessibility.problems("""
                <html><head></head><body><h1>A</h1><h3>skipped</h3>
                <a href="/x"></a><img src="i.png"><form method="post"><input name="q"></form></body></html>
                """);
        assertThat(problems)
                .anyMatch(p -> p.contains("lang"))
                .anyMatch(p -> p.contains("<title>"))
                .anyMatch(p -> p.contains("h1 to h3"))
                .anyMatch(p -> p.contains("link without a name"))
                .anyMatch(p -> p.contains("alt text"))
                .anyMatch(p -> p.contains("without a label"))
                .anyMatch(p -> p.contains("CSRF"));
    }

    @Test
    void acceptsAWellFormedPage() {
        var problems = PageAccessibility.problems("""
                <html lang="zh-Hant-TW"><head><title>T</title></head><body><h1>A</h1><h2>B</h2>
                <a href="/x">x</a><img src="i.png" alt="logo"><form method="post">
                <input type="hidden" name="_csrf" value="t"><label for="q">查詢</label><input id="q" name="q">
                </form></body></html>
                """);
        assertThat(problems).isEmpty();
    }
}
