package tw.smartgov.trust.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import tw.smartgov.trust.TrustProperties;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.ServiceIdentities;

/**
 * Spring wiring of time-stamping. The built-in TSA is {@link Lazy}: its identity (a key and a
 * certificate from the built-in CA) is only created when a first token is asked for, so a node
 * that uses an external TSA never creates one it does not need.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeStampProperties.class)
class TimeStampConfiguration {
    private static final Logger log = LoggerFactory.getLogger(TimeStampConfiguration.class);

    @Bean
    @Lazy
    TimeStampAuthority timeStampAuthority(ServiceIdentities identities, TimeStampProperties properties) {
        return new TimeStampAuthority(
                identities.identity("tsa", CertificateProfile.TIME_STAMPING),
                properties.policy(),
                properties.accuracy(),
                Clock.systemUTC());
    }

    @Bean
    TimeStamper timeStamper(
            TrustProperties trust, TimeStampProperties properties, ObjectProvider<TimeStampAuthority> authority) {
        String url = trust.tsaUrl();
        if (url == null || url.isBlank()) {
            log.info("time-stamps come from the built-in TSA");
            return new InProcessTimeStamper(authority::getObject);
        }
        log.info("time-stamps come from the TSA at {}", url);
        return new TimeStampClient(
                URI.create(url),
                new TimeStampVerifier(List.of(readCertificate(properties.trustAnchor())), List.of()),
                properties.connectTimeout(),
                properties.readTimeout());
    }

    private static X509Certificate readCertificate(@Nullable Path pem) {
        if (pem == null) {
            throw new IllegalStateException("smartgov.trust.tsa-url is set, so smartgov.trust.tsa.trust-anchor must"
                    + " name a PEM file with that TSA's root CA or certificate");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read the TSA trust anchor " + pem + ": " + e.getMessage(), e);
        }
    }
}
