package tw.smartgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The colours SmartGov adds to the design system keep WCAG 2.2 AA contrast (1.4.3: 4.5:1 for text). */
class BrandContrastTest {
    static final double AA_TEXT = 4.5;

    /** Text colour on background colour, as custom properties of the stylesheet; each pair is checked. */
    record Pair(String text, String background) {}

    static final List<Pair> PAIRS = List.of(new Pair("--smartgov-brand-text", "--smartgov-brand"));

    @Test
    void theHeaderTextOnTheBrandColourMeetsAa() throws IOException {
        String css = new ClassPathResource("static/css/smartgov.css").getContentAsString(StandardCharsets.UTF_8);
        assertThat(problems(css)).isEmpty();
        assertThat(contrast(colour(css, "--smartgov-brand-text"), colour(css, "--smartgov-brand")))
                .isGreaterThan(7.0);
    }

    @Test
    void aColourTooLightForWhiteTextFails() {
        // #777777 is the classic near miss: 4.48:1 on white
        String css = ":root { --smartgov-brand: #777777; --smartgov-brand-text: #ffffff; }";
        assertThat(problems(css)).singleElement().asString().contains("4.48:1");
    }

    @Test
    void computesTheWcagRatioOfKnownPairs() {
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(contrast("#ffffff", "#1d70b8")).isBetween(5.16, 5.18);
    }

    static List<String> problems(String css) {
        List<String> problems = new ArrayList<>();
        for (Pair pair : PAIRS) {
            double ratio = contrast(colour(css, pair.text()), colour(css, pair.background()));
            if (ratio < AA_TEXT) {
                problems.add("%s on %s has contrast %.2f:1, below %.1f:1"
                        .formatted(pair.text(), pair.background(), ratio, AA_TEXT));
            }
        }
        return problems;
    }

    static String colour(String css, String property) {
        var matcher = Pattern.compile(Pattern.quote(property) + "\\s*:\\s*(#[0-9a-fA-F]{6})\\s*;")
                .matcher(css);
        assertThat(matcher.find()).as(property + " as a #rrggbb value").isTrue();
        return matcher.group(1);
    }

    /** WCAG 2.2 contrast ratio (L1 + 0.05) / (L2 + 0.05) of two #rrggbb colours. */
    static double contrast(String a, String b) {
        double first = luminance(a);
        double second = luminance(b);
        return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double channel = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            double linear = channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
            sum += weights[i] * linear;
        }
        return sum;
    }
}
