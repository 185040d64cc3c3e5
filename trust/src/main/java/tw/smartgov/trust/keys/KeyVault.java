package tw.smartgov.trust.keys;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.TrustProperties;

/**
 * The node's private keys, in a password-protected PKCS#12 keystore at {@code
 * <smartgov.trust.data-dir>/keys.p12}. Every key is EC P-256, generated here and never exported.
 *
 * <p>Contract: an alias, once created, always returns the same key; a wrong password is refused at
 * construction with {@link TrustError#KEYSTORE_UNAVAILABLE}; the password appears in no message.
 * Thread-safe.
 */
@Component
public class KeyVault {
    private final KeystoreFile file;
    private final char[] password;
    private final KeyStore store;

    @Autowired
    public KeyVault(TrustProperties properties) {
        this(
                properties.dataDir().resolve("keys.p12"),
                properties.keystorePassword().toCharArray());
    }

    /** A vault on the given file; creates the file (owner-only) if it does not exist yet. */
    public KeyVault(Path keystore, char[] password) {
        this.password = password.clone();
        this.file = new KeystoreFile(keystore, password);
        this.store = file.load();
        if (!java.nio.file.Files.exists(keystore)) {
            file.save(store);
        }
    }

    /**
     * The identity under {@code alias}; when there is none yet, generates an EC P-256 key pair, asks
     * {@code certify} for its certificate chain (leaf first) and stores both.
     */
    public synchronized SigningIdentity getOrCreate(String alias, Function<KeyPair, List<X509Certificate>> certify) {
        Optional<SigningIdentity> existing = find(alias);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyPair keyPair = generateKeyPair();
        SigningIdentity identity = new SigningIdentity(keyPair.getPrivate(), certify.apply(keyPair));
        if (!identity.certificate().getPublicKey().equals(keyPair.getPublic())) {
            throw new IllegalArgumentException("the certificate for " + alias + " is not for its new key");
        }
        put(alias, identity.privateKey(), identity.chain());
        return identity;
    }

    /** The identity under {@code alias}, if there is one. */
    public synchronized Optional<SigningIdentity> find(String alias) {
        try {
            if (!store.isKeyEntry(alias)) {
                return Optional.empty();
            }
            var key = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            return Optional.of(new SigningIdentity(key, toX509(chain)));
        } catch (GeneralSecurityException e) {
            throw new TrustException(
                    TrustError.KEYSTORE_UNAVAILABLE, "cannot read key " + alias + " from " + file.path(), e);
        }
    }

    /** Replaces the certificate chain (leaf first) of the existing key under {@code alias}. */
    /**
     * Stores a key pair generated elsewhere in this process (for instance one whose certificate
     * a remote CA issued) under {@code alias}, replacing what was there.
     *
     * @throws IllegalArgumentException if the chain's leaf is not for this key pair
     */
    public synchronized SigningIdentity store(String alias, KeyPair keyPair, List<X509Certificate> chain) {
        if (!chain.getFirst().getPublicKey().equals(keyPair.getPublic())) {
            throw new IllegalArgumentException("the certificate for " + alias + " is not for its key");
        }
        put(alias, keyPair.getPrivate(), chain);
        return new SigningIdentity(keyPair.getPrivate(), chain);
    }

    /** A new EC P-256 key pair, not stored. */
    public static KeyPair newKeyPair() {
        return generateKeyPair();
    }

    public synchronized SigningIdentity storeChain(String alias, List<X509Certificate> chain) {
        SigningIdentity current = find(alias)
                .orElseThrow(() -> new TrustException(
                        TrustError.KEYSTORE_UNAVAILABLE, "there is no key " + alias + " in " + file.path()));
        if (!chain.getFirst().getPublicKey().equals(current.certificate().getPublicKey())) {
            throw new IllegalArgumentException("the new chain of " + alias + " is not for its key");
        }
        put(alias, current.privateKey(), chain);
        return new SigningIdentity(current.privateKey(), chain);
    }

    private void put(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new TrustException(TrustError.KEYSTORE_UNAVAILABLE, "cannot store key " + alias, e);
        }
        file.save(store);
    }

    private static List<X509Certificate> toX509(Certificate[] chain) {
        return Arrays.stream(chain).map(c -> (X509Certificate) c).toList();
    }

    private static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate EC P-256 keys", e);
        }
    }

    @Override
    public String toString() {
        return "KeyVault[" + file.path() + "]";
    }
}
