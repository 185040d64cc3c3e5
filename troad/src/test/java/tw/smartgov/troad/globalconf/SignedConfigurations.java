package tw.smartgov.troad.globalconf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.Pem;
import tw.smartgov.trust.ca.TestPki;
import tw.smartgov.trust.keys.SigningIdentity;
import tw.smartgov.trust.signature.JwsHeaders;
import tw.smartgov.trust.signature.JwsSigner;

/** A throwaway CA and central signer that sign global configurations as the central server does. */
final class SignedConfigurations {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final CertificateAuthority ca = TestPki.newCa();
    final SigningIdentity signer = TestPki.identity(ca, CertificateProfile.SIGNING);
    final ConfigurationAnchor anchor = new ConfigurationAnchor(
            "TW",
            "http://localhost",
            CertificateFingerprint.sha256(signer.certificate()),
            Pem.encode(List.of(ca.root())));

    static GlobalConfiguration configuration(long version, Instant generatedAt, Duration validity) {
        var sample = GlobalConfigurationJsonTest.sample(generatedAt);
        return new GlobalConfiguration(
                sample.instance(),
                version,
                generatedAt,
                generatedAt.plus(validity),
                sample.members(),
                sample.securityServers(),
                sample.certificateAuthorities(),
                sample.timeStampingAuthorities());
    }

    String sign(GlobalConfiguration configuration) {
        return sign(configuration, signer);
    }

    static String sign(GlobalConfiguration configuration, SigningIdentity by) {
        return new JwsSigner(by)
                .signJson(
                        JSON.writeValueAsString(configuration),
                        new JwsHeaders(GlobalConfigurationVerifier.TYPE, "json"));
    }
}
