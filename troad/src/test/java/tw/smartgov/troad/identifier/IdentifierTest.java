package tw.smartgov.troad.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierTest {
    @Test
    void parsesTheBriefsExample() {
        var id = ServiceId.parse("TW/GOV/MOI/household/person-record");
        assertThat(id.provider().member()).isEqualTo(new MemberId("TW", "GOV", "MOI"));
        assertThat(id.provider().subsystemCode()).isEqualTo("household");
        assertThat(id.serviceCode()).isEqualTo("person-record");
    }

    @Test
    void theFastPathEncodesEveryCharacterAsTheEncoderDoes() {
        for (char c = 0; c < 0x3100; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            for (String part : List.of(String.valueOf(c), "MOI" + c, c + "household" + c)) {
                String reference = java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
                assertThat(IdentifierParts.encode(part)).as("U+%04X", (int) c).isEqualTo(reference);
            }
        }
    }

    @Test
    void encodesChineseAndSpacesPartByPart() {
        var id = new MemberId("TW", "GOV", "內政部").subsystem("戶政 系統");
        assertThat(id.encoded())
                .isEqualTo("TW/GOV/%E5%85%A7%E6%94%BF%E9%83%A8/%E6%88%B6%E6%94%BF%20%E7%B3%BB%E7%B5%B1");
        assertThat(SubsystemId.parse(id.encoded())).isEqualTo(id);
    }

    @Test
    void plusIsALiteralCharacterNotASpace() {
        assertThat(MemberId.parse("TW/GOV/A+B").memberCode()).isEqualTo("A+B");
    }

    @Test
    void anEncodedSlashIsStillRefused() {
        assertThatThrownBy(() -> MemberId.parse("TW/GOV/A%2FB"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("'/'");
    }

    @Test
    void wrongNumberOfPartsIsExplained() {
        assertThatThrownBy(() -> ServiceId.parse("TW/GOV/MOI/household")).hasMessageContaining("must have 5 parts");
        assertThatThrownBy(() -> ClientId.parse("TW/GOV")).hasMessageContaining("3 to 4 parts");
        assertThatThrownBy(() -> ClientId.parse("TW//MOI")).hasMessageContaining("member class is empty");
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        assertThatThrownBy(() -> MemberId.parse("TW/GOV/%E5%8")).hasMessageContaining("percent-encoded");
    }
}
