package tw.smartgov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NationalIdTest {

    @Test
    void acceptsKnownValidNumbers() {
        // A123456789 is the textbook example; the others are checked by hand with the MOI weights
        for (String valid : new String[] {"A123456789", "F131104093", "B234567894", "Y123456788", "A800000014"}) {
            assertThat(NationalId.isValid(valid)).as(valid).isTrue();
            assertThat(new NationalId(valid).value()).isEqualTo(valid);
        }
    }

    @Test
    void refusesAWrongCheckDigitWithoutRepeatingTheNumber() {
        assertThat(NationalId.isValid("A123456788")).isFalse();
        assertThatThrownBy(() -> new NationalId("A123456788"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit")
                .hasMessageNotContaining("A123456788");
    }

    @Test
    void refusesMalformedNumbers() {
        for (String malformed :
                new String[] {"", "A12345678", "A1234567890", "a123456789", "A323456789", "1123456789"}) {
            assertThat(NationalId.isValid(malformed)).as(malformed).isFalse();
            assertThatThrownBy(() -> new NationalId(malformed)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyBodyHasExactlyOneCheckDigit() {
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            String body = letter + "12345678";
            int valid = 0;
            for (int check = 0; check < 10; check++) {
                valid += NationalId.isValid(body + check) ? 1 : 0;
            }
            assertThat(valid).as(body).isEqualTo(1);
            assertThat(NationalId.withCheckDigit(body).value()).startsWith(body);
        }
    }

    @Test
    void parsesUserInputAndTellsCitizensFromResidents() {
        assertThat(NationalId.parse(" a123456789 ").holder()).isEqualTo(NationalId.Holder.CITIZEN);
        assertThat(NationalId.withCheckDigit("A80000001").holder()).isEqualTo(NationalId.Holder.RESIDENT);
    }

    @Test
    void isMaskedWhenPrinted() {
        assertThat(new NationalId("A123456789").toString())
                .isEqualTo("A12****789")
                .doesNotContain("3456");
    }

    @Test
    void levelsAreOrderedAndNamedByAcr() {
        assertThat(LevelOfAssurance.HIGH.satisfies(LevelOfAssurance.SUBSTANTIAL))
                .isTrue();
        assertThat(LevelOfAssurance.LOW.satisfies(LevelOfAssurance.SUBSTANTIAL)).isFalse();
        assertThat(LevelOfAssurance.fromAcr("urn:smartgov:loa:high")).contains(LevelOfAssurance.HIGH);
        assertThat(LevelOfAssurance.fromAcr("urn:other")).isEmpty();
    }
}
