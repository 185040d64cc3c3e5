package tw.smartgov.troad.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tw.smartgov.trust.testing.RandomCases;
import tw.smartgov.trust.testing.RandomCases.Generator;

class IdentifierProperties {
    private static final int TRIES = 1_000;

    /**
     * A valid identifier part: 1 to 40 characters of any kind except controls, {@code /\;:%} and
     * characters outside the BMP, without leading or trailing white space.
     */
    private static String part(Generator random) {
        var text = new StringBuilder();
        random.string(40)
                .chars()
                .filter(c -> !Character.isISOControl(c) && "/\\;:%".indexOf(c) < 0 && !Character.isSurrogate((char) c))
                .forEach(c -> text.append((char) c));
        String part = text.toString().strip();
        return part.isEmpty() ? random.string("abcXYZ019-_.", 1, 40) : part;
    }

    @Test
    void everyValidServiceIdSurvivesEncodingAndParsing() {
        RandomCases.check(TRIES, random -> {
            var id = new MemberId(part(random), part(random), part(random))
                    .subsystem(part(random))
                    .service(part(random));
            assertThat(ServiceId.parse(id.encoded())).isEqualTo(id);
            assertThat(id.encoded().split("/")).hasSize(5);
        });
    }

    @Test
    void everyValidClientIdSurvivesEncodingAndParsing() {
        RandomCases.check(TRIES, random -> {
            var memberId = new MemberId(part(random), "GOV", part(random));
            String subsystem = part(random);
            assertThat(ClientId.parse(memberId.encoded())).isEqualTo(memberId);
            assertThat(ClientId.parse(memberId.subsystem(subsystem).encoded()))
                    .isEqualTo(memberId.subsystem(subsystem));
        });
    }

    @Test
    void reservedAndControlCharactersAreRefused() {
        RandomCases.check(TRIES, random -> {
            String prefix = part(random);
            char bad = random.pick('/', '\\', ';', ':', '%', '\n', '\u0000', '\u007f');
            String suffix = part(random);
            assertThatThrownBy(() -> new MemberId("TW", "GOV", prefix + bad + suffix))
                    .isInstanceOf(InvalidIdentifierException.class)
                    .hasMessageContaining("member code");
        });
    }

    @Test
    void arbitraryTextNeverParsesIntoAnInvalidIdOrAnUncheckedException() {
        RandomCases.check(TRIES, random -> {
            String text = random.bool()
                    ? random.string(255)
                    : String.join(
                            "/",
                            random.string(20),
                            random.string(20),
                            random.string(20),
                            random.string(20),
                            random.string(20));
            try {
                var id = ServiceId.parse(text);
                assertThat(ServiceId.parse(id.encoded())).isEqualTo(id);
            } catch (InvalidIdentifierException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }
}
