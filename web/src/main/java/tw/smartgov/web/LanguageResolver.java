package tw.smartgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Traditional Chinese (zh-TW) unless the person chose English; the choice is kept in a cookie for a
 * year. Any other language asked for, by parameter or by a tampered cookie, is taken as zh-TW, so a
 * page is never labelled with a language it is not written in.
 */
final class LanguageResolver extends CookieLocaleResolver {
    static final String COOKIE = "smartgov-lang";

    LanguageResolver() {
        super(COOKIE);
        setDefaultLocale(Locale.TAIWAN);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieSameSite("Lax");
        setCookieHttpOnly(true);
    }

    /** English for any English locale, else zh-TW. */
    static Locale supported(Locale locale) {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.ENGLISH : Locale.TAIWAN;
    }

    @Override
    public void setLocaleContext(
            HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable LocaleContext context) {
        Locale chosen = context == null ? null : context.getLocale();
        super.setLocaleContext(request, response, chosen == null ? null : new SimpleLocaleContext(supported(chosen)));
    }

    @Override
    protected Locale parseLocaleValue(String value) {
        Locale parsed = super.parseLocaleValue(value);
        return supported(parsed == null ? Locale.TAIWAN : parsed);
    }
}
