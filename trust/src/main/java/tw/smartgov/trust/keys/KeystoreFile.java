package tw.smartgov.trust.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;

/**
 * The PKCS#12 file on disk. Writes go to a temporary file in the same folder that is then moved
 * over the old one, so a crash never leaves a half-written keystore; both are owner-only.
 */
final class KeystoreFile {
    private final Path file;
    private final char[] password;

    KeystoreFile(Path file, char[] password) {
        this.file = file;
        this.password = password.clone();
    }

    Path path() {
        return file;
    }

    /** Loads the keystore, or returns an empty one when the file does not exist yet. */
    KeyStore load() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (!Files.exists(file)) {
                store.load(null, null);
                return store;
            }
            store.load(new ByteArrayInputStream(Files.readAllBytes(file)), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw wrongPassword();
            }
            throw unavailable("cannot read", e);
        } catch (GeneralSecurityException e) {
            throw unavailable("cannot read", e);
        }
    }

    void save(KeyStore store) {
        try {
            var bytes = new ByteArrayOutputStream();
            store.store(bytes, password);
            Path dir =
                    java.util.Objects.requireNonNull(file.toAbsolutePath().getParent(), "a keystore file has a folder");
            createOwnerOnlyDirectory(dir);
            Path temp = Files.createTempFile(dir, ".keys-", ".tmp", ownerOnly("rw-------"));
            try {
                Files.write(temp, bytes.toByteArray(), StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw unavailable("cannot write", e);
        }
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }

    private TrustException wrongPassword() {
        return new TrustException(
                TrustError.KEYSTORE_UNAVAILABLE,
                "the keystore password does not open " + file
                        + "; set smartgov.trust.keystore-password to the password it was created with");
    }

    // The cause is kept for the log, but its message is not copied: it never holds the password.
    private TrustException unavailable(String what, Exception cause) {
        return new TrustException(
                TrustError.KEYSTORE_UNAVAILABLE,
                what + " the keystore " + file + ": " + cause.getClass().getSimpleName(),
                cause);
    }
}
