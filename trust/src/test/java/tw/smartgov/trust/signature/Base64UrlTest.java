package tw.smartgov.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.smartgov.trust.signature.JwsTest.assertRefused;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tw.smartgov.trust.TrustError;
import tw.smartgov.trust.TrustException;
import tw.smartgov.trust.testing.RandomCases;

class Base64UrlTest {
    @Test
    void decodesCanonicalBase64url() {
        assertThat(decoded("")).isEmpty();
        assertThat(decoded("QQ")).isEqualTo("41");
        assertThat(decoded("QUI")).isEqualTo("4142");
        assertThat(decoded("QUJD")).isEqualTo("414243");
        assertThat(decoded("-_8")).isEqualTo("fbff");
    }

    @Test
    void refusesPadding() {
        refused("QQ==");
        refused("QUI=");
        refused("QQ=");
    }

    @Test
    void refusesBitsThatEncodeNothing() {
        refused("QR"); // 0x41 and 0b0001 left over: java.util.Base64 decodes it as "QQ"
        refused("QX");
        refused("QUJ"); // 0x41 0x42 and 0b01 left over
        refused("QUL");
    }

    @Test
    void refusesCharactersOutsideTheAlphabetAndImpossibleLengths() {
        refused("+/8"); // base64, not base64url
        refused("Q Q");
        refused("QU\nJD");
        refused("A");
        refused("QUJDA");
    }

    @Test
    void noOtherStringDecodesToTheBytesOfAnEncoding() {
        var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        RandomCases.check(200, random -> {
            byte[] bytes = random.bytes(1, 40);
            String canonical = encoder.encodeToString(bytes);
            assertThat(Base64Url.decode(canonical, "test")).isEqualTo(bytes);
            String allButLast = canonical.substring(0, canonical.length() - 1);
            for (char last : "AQgw_-=".toCharArray()) {
                String other = allButLast + last;
                if (!other.equals(canonical)) {
                    assertRefusedOrOtherBytes(other, bytes);
                }
            }
            assertRefusedOrOtherBytes(canonical + "=", bytes);
            assertRefusedOrOtherBytes(canonical + "==", bytes);
        });
    }

    private static void assertRefusedOrOtherBytes(String encoded, byte[] bytes) {
        try {
            assertThat(Base64Url.decode(encoded, "test")).as(encoded).isNotEqualTo(bytes);
        } catch (TrustException e) {
            assertThat(e.error()).isEqualTo(TrustError.MALFORMED_SIGNATURE);
        }
    }

    private static String decoded(String encoded) {
        return HexFormat.of().formatHex(Base64Url.decode(encoded, "test"));
    }

    private static void refused(String encoded) {
        assertRefused(() -> Base64Url.decode(encoded, "test"), TrustError.MALFORMED_SIGNATURE);
    }
}
