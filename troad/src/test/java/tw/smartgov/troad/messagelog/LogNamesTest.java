package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tw.smartgov.troad.identifier.MemberId;

class LogNamesTest {
    private static final String PATTERN = "[a-z][a-z0-9-]{1,40}";

    @Test
    void aServersLogIsNamedAfterItsOwnerAndCodeInLowerCase() {
        assertThat(LogNames.forServer(new MemberId("TW", "GOV", "MOI"), "ss1")).isEqualTo("msglog-tw-gov-moi-ss1");
    }

    @Test
    void longOrUnusualIdsAreSanitisedShortenedAndKeptApartByAHash() {
        var owner = new MemberId("TW", "GOV", "A.very_long.member.code.of.an.agency");
        String one = LogNames.forServer(owner, "ss1");
        String two = LogNames.forServer(owner, "ss2");
        assertThat(one).matches(PATTERN).startsWith("msglog-tw-gov-a-very-long");
        assertThat(two).matches(PATTERN).isNotEqualTo(one);
        assertThat(LogNames.forServer(new MemberId("TW", "GOV", "A_B"), "ss1"))
                .isNotEqualTo(LogNames.forServer(new MemberId("TW", "GOV", "A-B"), "ss1"))
                .matches(PATTERN);
    }
}
