package tw.smartgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageKeyParityTest {
    @Test
    void everyBundleOnTheClasspathHasEveryKeyInBothLanguages() {
        assertThat(MessageKeyParity.problems()).isEmpty();
    }

    @Test
    void reportsKeysMissingInEitherLanguageBlankTextsAndKeysOfTwoBundles() {
        assertThat(MessageKeyParity.problems("fixtures/i18n-broken"))
                .containsExactlyInAnyOrder(
                        "fixtures/i18n-broken/left-messages: left.onlyChinese has no English (en)",
                        "fixtures/i18n-broken/left-messages: left.onlyEnglish has no Traditional Chinese (zh-TW)",
                        "fixtures/i18n-broken/left-messages: left.blank is blank",
                        "shared.key is in both fixtures/i18n-broken/left-messages and fixtures/i18n-broken/right-messages");
    }

    @Test
    void findsEachBundleOnceWhateverItsLanguageFiles() throws Exception {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        assertThat(MessageBundles.basenames(resolver, "fixtures/i18n-broken"))
                .containsExactly("fixtures/i18n-broken/left-messages", "fixtures/i18n-broken/right-messages");
    }
}
