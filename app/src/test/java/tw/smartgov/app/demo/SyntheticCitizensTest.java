package tw.smartgov.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntheticCitizensTest {
    @Test
    void nationalIdCheckDigitFollowsTheOfficialRule() {
        assertThat(SyntheticCitizens.isValidNationalId("A123456789")).isTrue();
        assertThat(SyntheticCitizens.isValidNationalId("A123456788")).isFalse();
        assertThat(SyntheticCitizens.isValidNationalId("A323456789")).isFalse();
        assertThat(SyntheticCitizens.isValidNationalId("a123456789")).isFalse();
    }

    @Test
    void everyDemoCitizenHasAValidNationalId() {
        assertThat(SyntheticCitizens.all()).allMatch(c -> SyntheticCitizens.isValidNationalId(c.nationalId()));
    }
}
