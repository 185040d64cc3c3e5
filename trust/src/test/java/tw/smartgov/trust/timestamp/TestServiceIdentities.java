package tw.smartgov.trust.timestamp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tw.smartgov.trust.ca.ServiceIdentities;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * A stand-in {@link ServiceIdentities} (a throwaway test PKI) for the time-stamping integration
 * tests, until the real one, issued by the built-in CA, is merged in. It is a top-level
 * {@link TestConfiguration}, so component scanning skips it: only tests that {@code @Import} it
 * see it. Its bean has its own name and is {@link Primary}, so it also coexists with the real
 * implementation once both are on the classpath.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServiceIdentities {
    @Bean
    @Primary
    ServiceIdentities timeStampTestServiceIdentities() {
        TestPki pki = new TestPki("SmartGov Test");
        Map<String, SigningIdentity> identities = new ConcurrentHashMap<>();
        return (name, profile) -> identities.computeIfAbsent(name + "/" + profile, key -> switch (profile) {
            case TIME_STAMPING -> pki.tsa("SmartGov Test " + name);
            default -> pki.notATsa("SmartGov Test " + name);
        });
    }
}
