package tw.smartgov.app;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The WCAG 2.2 checks a machine can make on a server-rendered page without a browser: language,
 * title, heading order, names of links and controls, labels of form fields, alt text. Contrast and
 * keyboard use are kept by the shared stylesheet and by using only native controls.
 */
final class PageAccessibility {
    private PageAccessibility() {}

    /** Every problem found, each as a sentence; empty when the page passes. */
    static List<String> problems(String html) {
        Document page = Jsoup.parse(html);
        List<String> problems = new ArrayList<>();
        if (page.select("html[lang]").isEmpty()) {
            problems.add("<html> has no lang attribute (WCAG 3.1.1)");
        }
        if (page.title().isBlank()) {
            problems.add("page has no <title> (WCAG 2.4.2)");
        }
        if (page.select("h1").size() != 1) {
            problems.add("page should have exactly one <h1>, has "
                    + page.select("h1").size());
        }
        int previous = 0;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            if (level > previous + 1) {
                problems.add(
                        "heading level jumps from h" + previous + " to " + heading.tagName() + ": " + heading.text());
            }
            previous = level;
        }
        for (Element link : page.select("a[href]")) {
            if (link.text().isBlank() && link.attr("aria-label").isBlank()) {
                problems.add("link without a name: " + link.attr("href") + " (WCAG 2.4.4)");
            }
        }
        for (Element image : page.select("img:not([alt])")) {
            problems.add("image without alt text: " + image.attr("src") + " (WCAG 1.1.1)");
        }
        for (Element field : page.select("input:not([type=hidden]):not([type=submit]), select, textarea")) {
            boolean labelled = !field.id().isBlank()
                    && !page.select("label[for=" + field.id() + "]").isEmpty();
            if (!labelled && field.attr("aria-label").isBlank() && field.closest("label") == null) {
                problems.add("form field without a label: " + field.attr("name") + " (WCAG 1.3.1, 3.3.2)");
            }
        }
        for (Element form : page.select("form[method=post]")) {
            if (form.select("input[type=hidden][name=_csrf]").isEmpty()) {
                problems.add("POST form without a CSRF token: " + form.attr("action"));
            }
        }
        return problems;
    }
}
