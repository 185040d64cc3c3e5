package tw.smartgov.trust.signature;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tw.smartgov.trust.ca.CertificateValidator;

/** A {@link JwsVerifier} for signatures by identities of the built-in CA. */
@Configuration(proxyBeanMethods = false)
class SignatureConfiguration {
    @Bean
    JwsVerifier jwsVerifier(CertificateValidator validator) {
        return new JwsVerifier(validator);
    }
}
