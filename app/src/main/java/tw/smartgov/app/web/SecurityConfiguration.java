package tw.smartgov.app.web;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Deny by default: public pages, the public trust endpoints (certificates, CRL, time-stamps, tree
 * heads and proofs) and the public T-Road endpoints (catalog, global configuration, anchor, and
 * security-server registration, which carries its own one-time token) are open; management APIs under {@code /admin/**} and the metrics need
 * the {@code admin} user; anything not listed is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    /** Content types a cross-site HTML form can send; API calls with any other type cannot be forged. */
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private static final Set<String> FORM_TYPES = Set.of(
            MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.TEXT_PLAIN_VALUE);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // error pages render whatever status a permitted request ended with
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/trust/**", "/troad/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/trust/tsa", "/troad/registration", "/troad/registration/**")
                        .permitAll()
                        .requestMatchers("/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .denyAll())
                .httpBasic(withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::isNonFormApiCall))
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfiguration::explainDenial))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")));
        return http.build();
    }

    /**
     * The RFC 3161 endpoint, registration and management API calls whose body is not a form type need no CSRF
     * token: a browser cannot send them cross-site without a CORS preflight, which we never grant.
     */
    static boolean isNonFormApiCall(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String base = type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return !FORM_TYPES.contains(base);
    }

    /** A refused CSRF token is the usual surprise for API users: say what to send instead. */
    static void explainDenial(
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException denied)
            throws java.io.IOException {
        boolean csrf = denied instanceof org.springframework.security.web.csrf.CsrfException;
        String detail = csrf
                ? "This request carries a form-type body (" + request.getContentType() + ") without a CSRF token."
                        + " Web forms include the token; API calls must send a non-form Content-Type such as"
                        + " application/json, application/pkcs10 or application/octet-stream."
                : "You are signed in but not allowed to do this.";
        response.setStatus(403);
        response.setContentType("application/problem+json");
        JSON.writeValue(
                response.getWriter(),
                java.util.Map.of(
                        "title",
                        "Forbidden",
                        "status",
                        403,
                        "code",
                        csrf ? "CSRF_TOKEN_REQUIRED" : "FORBIDDEN",
                        "detail",
                        detail));
    }

    @Bean
    UserDetailsService users(@Value("${smartgov.admin.password}") String adminPassword) {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername("admin")
                .password(encoder.encode(adminPassword))
                .roles("ADMIN")
                .build());
    }
}
