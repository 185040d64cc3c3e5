package tw.smartgov.trust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RandomCasesTest {
    @AfterEach
    void forgetSeed() {
        System.clearProperty(RandomCases.SEED_PROPERTY);
    }

    @Test
    void aFailureNamesTheCaseAndASeedThatReplaysTheSameValues() {
        List<Integer> seen = new ArrayList<>();
        var failure = catchFailure(() -> RandomCases.check(100, random -> {
            int value = random.intBetween(0, 1_000_000);
            seen.add(value);
            assertThat(value).isLessThan(900_000);
        }));
        assertThat(failure).hasMessageContaining("property failed on case").hasCauseInstanceOf(AssertionError.class);
        String seed = failure.getMessage().replaceAll(".*-Dsmartgov.test.seed=(-?\\d+).*", "$1");

        System.setProperty(RandomCases.SEED_PROPERTY, seed);
        List<Integer> replayed = new ArrayList<>();
        assertThatThrownBy(() -> RandomCases.check(100, random -> {
                    int value = random.intBetween(0, 1_000_000);
                    replayed.add(value);
                    assertThat(value).isLessThan(900_000);
                }))
                .hasMessage(failure.getMessage());
        assertThat(replayed).isEqualTo(seen);
    }

    @Test
    void theFirstCasesGiveTheBoundsAndEveryValueStaysInRange() {
        List<Integer> values = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        RandomCases.check(300, random -> {
            values.add(random.intBetween(-3, 7));
            strings.add(random.string(20));
        });
        assertThat(values.subList(0, 2)).containsExactly(-3, 7);
        assertThat(values).allSatisfy(v -> assertThat(v).isBetween(-3, 7));
        assertThat(strings.getFirst()).isEmpty();
        assertThat(strings).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(20));
        assertThat(strings).anySatisfy(s -> assertThat(s).matches(".*[\\u4e00-\\u9fff].*"));
    }

    private static AssertionError catchFailure(Runnable run) {
        try {
            run.run();
        } catch (AssertionError e) {
            return e;
        }
        throw new AssertionError("the property did not fail");
    }
}
