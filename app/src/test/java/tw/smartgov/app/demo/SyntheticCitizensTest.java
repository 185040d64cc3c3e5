package tw.smartgov.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tw.smartgov.identity.NationalId;

class SyntheticCitizensTest {
    @Test
    void everyDemoCitizenHasAValidAndDistinctNationalId() {
        assertThat(SyntheticCitizens.all()).allMatch(c -> NationalId.isValid(c.nationalId()));
        assertThat(SyntheticCitizens.all().stream().map(SyntheticCitizens.Citizen::nationalId))
                .doesNotHaveDuplicates()
                .contains("A123456789");
    }
}
