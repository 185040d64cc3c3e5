package tw.smartgov.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.ServiceIdentities;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * The provider's token signing key: EC P-256 (ES256), generated at first start and kept in trust's
 * key vault ({@code service-oidc-token}), certified by the built-in CA. The JWK set publishes it with
 * its certificate chain ({@code x5c}, without the root) and its RFC 7638 thumbprint as {@code kid}.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

    @Bean
    JWKSource<SecurityContext> jwkSource(ServiceIdentities identities) {
        return new ImmutableJWKSet<>(
                new JWKSet(tokenKey(identities.identity("oidc-token", CertificateProfile.SIGNING))));
    }

    static ECKey tokenKey(SigningIdentity identity) {
        try {
            List<Base64> chain = new ArrayList<>();
            for (var certificate :
                    identity.chain().subList(0, Math.max(1, identity.chain().size() - 1))) {
                chain.add(Base64.encode(certificate.getEncoded()));
            }
            return new ECKey.Builder(
                            Curve.P_256, (ECPublicKey) identity.certificate().getPublicKey())
                    .privateKey(identity.privateKey())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .x509CertChain(chain)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot publish the token signing key", e);
        }
    }
}
