package tw.smartgov.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The shared look of every page, as auto-configuration: the app and each module's own web tests
 * get it by depending on {@code smartgov-web}, with no import. It provides
 *
 * <ul>
 *   <li>the {@code messageSource}: every {@code i18n/*-messages.properties} bundle on the classpath
 *       (Traditional Chinese) with its {@code _en} twin, found at start-up, so a module adds its
 *       bundle without a central list;
 *   <li>the {@code localeResolver}: zh-TW unless the person chose English with {@code ?lang=en},
 *       remembered in a cookie;
 *   <li>the {@code layout} model attribute every view gets (signed-in person, language-switch
 *       target, phase), read by {@code templates/layout/page.html}.
 * </ul>
 *
 * Settings: {@code smartgov.web.phase} (e.g. {@code beta}: shows the phase banner) and {@code
 * smartgov.web.sign-in-url} (the sign-in link shown to someone not signed in).
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, MessageSourceAutoConfiguration.class})
public class WebConfiguration implements WebMvcConfigurer {
    /** The query parameter of the language switch: {@code zh-TW} or {@code en}. */
    public static final String LANGUAGE_PARAMETER = "lang";

    private final Environment environment;
    private final ObjectProvider<PersonNames> personNames;

    WebConfiguration(Environment environment, ObjectProvider<PersonNames> personNames) {
        this.environment = environment;
        this.personNames = personNames;
    }

    @Bean
    MessageSource messageSource(ResourceLoader loader) {
        var source = new ResourceBundleMessageSource();
        try {
            source.setBasenames(MessageBundles.basenames(
                            ResourcePatternUtils.getResourcePatternResolver(loader), MessageBundles.DIRECTORY)
                    .toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the message bundles", e);
        }
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var languageChange = new LocaleChangeInterceptor();
        languageChange.setParamName(LANGUAGE_PARAMETER);
        languageChange.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageChange);
        registry.addInterceptor(new LayoutInterceptor(
                environment.getProperty("smartgov.web.phase"),
                environment.getProperty("smartgov.web.sign-in-url"),
                personNames));
    }
}
