package tw.smartgov.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The WCAG 2.2 checks a machine can make on a server-rendered page without a browser: language,
 * title, one {@code h1} and heading order, a skip link to {@code main}, landmarks, names of links and
 * buttons, labels of form fields, alt text, table header scope, unique ids. Contrast is checked on
 * the brand colours by {@code BrandContrastTest}; keyboard use is kept by using only native controls
 * and the design system's focus styles. Shared with the tests of every module that has pages (test-jar).
 */
public final class PageAccessibility {
    private static final Set<String> LANGUAGES = Set.of("zh-Hant-TW", "en");

    private PageAccessibility() {}

    /** Every problem found, each as a sentence; empty when the page passes. */
    public static List<String> problems(String html) {
        Document page = Jsoup.parse(html);
        List<String> problems = new ArrayList<>();
        language(page, problems);
        headings(page, problems);
        landmarks(page, problems);
        names(page, problems);
        fields(page, problems);
        tables(page, problems);
        uniqueIds(page, problems);
        return problems;
    }

    /** POST forms without Spring Security's CSRF token: only meaningful where security is on. */
    public static List<String> csrfProblems(String html) {
        List<String> problems = new ArrayList<>();
        for (Element form : Jsoup.parse(html).select("form[method=post]")) {
            if (form.select("input[type=hidden][name=_csrf]").isEmpty()) {
                problems.add("POST form without a CSRF token: " + form.attr("action"));
            }
        }
        return problems;
    }

    private static void language(Document page, List<String> problems) {
        String lang = page.select("html").attr("lang");
        if (lang.isBlank()) {
            problems.add("<html> has no lang attribute (WCAG 3.1.1)");
        } else if (!LANGUAGES.contains(lang)) {
            problems.add("<html lang=\"" + lang + "\"> is neither zh-Hant-TW nor en (WCAG 3.1.1)");
        }
        if (page.title().isBlank()) {
            problems.add("page has no <title> (WCAG 2.4.2)");
        }
    }

    private static void headings(Document page, List<String> problems) {
        if (page.select("h1").size() != 1) {
            problems.add("page should have exactly one <h1>, has "
                    + page.select("h1").size());
        }
        int previous = 0;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            if (level > previous + 1) {
                problems.add("heading level jumps from h" + previous + " to " + heading.tagName() + ": "
                        + heading.text() + " (WCAG 1.3.1)");
            }
            previous = level;
        }
    }

    private static void landmarks(Document page, List<String> problems) {
        if (page.select("main").size() != 1) {
            problems.add("page should have exactly one <main>, has "
                    + page.select("main").size() + " (WCAG 1.3.1)");
        }
        if (page.select("body > header").isEmpty()
                || page.select("body > footer").isEmpty()) {
            problems.add("page has no <header> or <footer> landmark (WCAG 1.3.1)");
        }
        Element skip = page.selectFirst("body a[href]");
        String target = skip == null ? "" : skip.attr("href");
        Element skipTo = target.startsWith("#") ? page.getElementById(target.substring(1)) : null;
        if (skipTo == null || !skipTo.tagName().equals("main")) {
            problems.add("the first link is not a skip link to <main> (WCAG 2.4.1)");
        }
    }

    private static void names(Document page, List<String> problems) {
        for (Element link : page.select("a[href]")) {
            if (link.text().isBlank() && link.attr("aria-label").isBlank()) {
                problems.add("link without a name: " + link.attr("href") + " (WCAG 2.4.4)");
            }
        }
        for (Element button : page.select("button, input[type=submit]")) {
            if (button.text().isBlank()
                    && button.attr("aria-label").isBlank()
                    && button.attr("value").isBlank()) {
                problems.add("button without a name (WCAG 4.1.2)");
            }
        }
        for (Element image : page.select("img:not([alt])")) {
            problems.add("image without alt text: " + image.attr("src") + " (WCAG 1.1.1)");
        }
    }

    private static void fields(Document page, List<String> problems) {
        for (Element field : page.select("input:not([type=hidden]):not([type=submit]), select, textarea")) {
            boolean labelled = !field.id().isBlank()
                    && !page.select("label[for=" + field.id() + "]").isEmpty();
            if (!labelled && field.attr("aria-label").isBlank() && field.closest("label") == null) {
                problems.add("form field without a label: " + field.attr("name") + " (WCAG 1.3.1, 3.3.2)");
            }
        }
    }

    private static void tables(Document page, List<String> problems) {
        for (Element header : page.select("th:not([scope])")) {
            problems.add("table header without scope: " + header.text() + " (WCAG 1.3.1)");
        }
    }

    private static void uniqueIds(Document page, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (Element element : page.select("[id]")) {
            if (!seen.add(element.id())) {
                problems.add("id used twice: " + element.id() + " (labels and skip links would go astray)");
            }
        }
    }
}
