package tw.smartgov.identity.signin;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Security rules of the identity pages under {@code /identity/**}: sign-in is open, consent and the
 * account need a sign-in, anything else is refused. Forms carry CSRF tokens. Ordered after the
 * authorization server's own chain and before the application's catch-all chain.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {
    static final int ORDER = 20;
    static final String SIGN_IN = "/identity/sign-in";

    @Bean
    @Order(ORDER)
    SecurityFilterChain identityPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/identity/**")
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(SIGN_IN, SIGN_IN + "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/identity/consent", SignInSessions.HOME)
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/identity/sign-out")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .logout(logout -> logout.logoutUrl("/identity/sign-out").logoutSuccessUrl(SIGN_IN + "?signed-out"))
                // no form-action: the consent form's redirect goes on to the relying party's origin
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }
}
