package tw.smartgov.trust.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, leaf first, ending at (and including) the root.
 * {@link #toString()} never prints the key.
 */
public record SigningIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
    public SigningIdentity {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs at least its own certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
