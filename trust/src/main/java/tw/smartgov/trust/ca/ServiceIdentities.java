package tw.smartgov.trust.ca;

import tw.smartgov.trust.keys.SigningIdentity;

/**
 * The identities this SmartGov node itself signs with (its TSA, its transparency logs, its
 * security server). Each is created on first use: a key generated and kept in the keystore, and a
 * certificate issued by the built-in CA; later calls return the same identity.
 */
public interface ServiceIdentities {
    /**
     * @param name a short stable name such as {@code tsa} or {@code log}
     * @param profile what the certificate is for
     */
    SigningIdentity identity(String name, CertificateProfile profile);
}
