package tw.smartgov.trust.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.ca.CertificateAuthority;
import tw.smartgov.trust.ca.CertificateProfile;
import tw.smartgov.trust.ca.TestPki;

class KeyVaultTest {
    @TempDir
    Path dir;

    @Test
    void aKeyCreatedOnceIsTheSameAfterARestart() {
        Path file = dir.resolve("data/keys.p12");
        CertificateAuthority ca = TestPki.newCa();
        SigningIdentity created = new KeyVault(file, "secret".toCharArray())
                .getOrCreate("signer", keys -> TestPki.certify(ca, keys.getPublic(), CertificateProfile.SIGNING));

        SigningIdentity reopened =
                new KeyVault(file, "secret".toCharArray()).find("signer").orElseThrow();

        assertThat(reopened.privateKey()).isEqualTo(created.privateKey());
        assertThat(reopened.chain()).isEqualTo(created.chain());
    }

    @Test
    void theKeystoreFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("data/keys.p12");
        new KeyVault(file, "secret".toCharArray());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutRevealingIt() {
        Path file = dir.resolve("keys.p12");
        new KeyVault(file, "right-password".toCharArray());

        assertThatThrownBy(() -> new KeyVault(file, "wrong-password".toCharArray()))
                .isInstanceOfSatisfying(
                        TrustException.class, e -> assertThat(e.error()).isEqualTo(TrustError.KEYSTORE_UNAVAILABLE))
                .hasMessageContaining("password does not open")
                .hasMessageNotContaining("wrong-password")
                .hasMessageNotContaining("right-password");
    }

    @Test
    void anUnknownAliasIsAbsent() {
        assertThat(new KeyVault(dir.resolve("keys.p12"), "x".toCharArray()).find("nothing"))
                .isEmpty();
    }
}
