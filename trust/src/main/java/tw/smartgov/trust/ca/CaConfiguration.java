package tw.smartgov.trust.ca;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The validator every module uses for chains of the built-in CA. */
@Configuration(proxyBeanMethods = false)
class CaConfiguration {
    @Bean
    CertificateValidator certificateValidator(CertificateAuthority ca) {
        return new CertificateValidator(List.of(ca.root()), ca.revocationSource());
    }
}
