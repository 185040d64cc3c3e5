package tw.smartgov.trust.ca;

import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.keys.KeyVault;
import tw.smartgov.trust.keys.SigningIdentity;

/**
 * Service identities kept in the {@link KeyVault} under {@code service-<name>} and certified by the
 * built-in CA. The first call for a name decides its profile; later calls return the stored
 * identity (so a restart returns the same key and certificate).
 */
@Component
class CaServiceIdentities implements ServiceIdentities {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    private final KeyVault vault;
    private final CertificateAuthority ca;

    CaServiceIdentities(KeyVault vault, CertificateAuthority ca) {
        this.vault = vault;
        this.ca = ca;
    }

    @Override
    public SigningIdentity identity(String name, CertificateProfile profile) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a service identity name must match " + NAME + ": " + name);
        }
        return vault.getOrCreate("service-" + name, keys -> {
            // A TLS server certificate needs a name: the service name, resolvable inside the deployment.
            var dns = profile == CertificateProfile.TLS_SERVER || profile == CertificateProfile.TLS_PEER
                    ? java.util.List.of(name)
                    : java.util.List.<String>of();
            var request = new IssuanceRequest(new byte[0], profile, dns, java.util.List.of(), null);
            return ca.issue(subject(name), keys.getPublic(), request);
        });
    }

    private static X500Name subject(String name) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.OU, "services")
                .addRDN(BCStyle.O, "SmartGov")
                .build();
    }
}
