package tw.smartgov.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/** Gives every rendered view the {@code layout} attribute that {@code layout/page.html} reads. */
final class LayoutInterceptor implements HandlerInterceptor {
    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private final @Nullable String phase;
    private final @Nullable String signInUrl;
    private final ObjectProvider<PersonNames> personNames;

    LayoutInterceptor(@Nullable String phase, @Nullable String signInUrl, ObjectProvider<PersonNames> personNames) {
        this.phase = blankToNull(phase);
        this.signInUrl = blankToNull(signInUrl);
        this.personNames = personNames;
    }

    /**
     * What the layout shows around a page.
     *
     * @param person the signed-in person's name (Spring Security's {@code Authentication} is the
     *     request's principal), or null
     * @param here this page's path and query without {@code lang}, for the language switch; null
     *     when the page answers a form post, which the switch must not repeat
     * @param phase the phase banner's tag (e.g. {@code beta}), or null for no banner
     * @param signInUrl where to sign in, or null while there is nowhere to
     */
    record Layout(
            @Nullable String person,
            @Nullable String here,
            @Nullable String phase,
            @Nullable String signInUrl) {}

    @Override
    public void postHandle(
            HttpServletRequest request,
            HttpServletResponse response,
            Object handler,
            @Nullable ModelAndView modelAndView) {
        if (modelAndView == null || isRedirect(modelAndView)) {
            return;
        }
        Principal principal = request.getUserPrincipal();
        modelAndView.addObject(
                "layout", new Layout(principal == null ? null : nameOf(principal), here(request), phase, signInUrl));
    }

    private String nameOf(Principal principal) {
        return personNames
                .orderedStream()
                .flatMap(names -> names.nameOf(principal).stream())
                .findFirst()
                .orElseGet(principal::getName);
    }

    private static boolean isRedirect(ModelAndView modelAndView) {
        String view = modelAndView.getViewName();
        return view != null && view.startsWith("redirect:");
    }

    private static @Nullable String here(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod())) {
            return null;
        }
        return UriComponentsBuilder.fromPath(PATHS.getPathWithinApplication(request))
                .query(request.getQueryString())
                .replaceQueryParam(WebConfiguration.LANGUAGE_PARAMETER)
                .build()
                .toUriString();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
