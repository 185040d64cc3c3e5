package tw.smartgov.troad.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IdentifierProperties {

    @Provide
    Arbitrary<String> parts() {
        return Arbitraries.strings()
                .all()
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(s -> s.strip().equals(s) && !s.isEmpty())
                .filter(s -> s.chars().noneMatch(c -> Character.isISOControl(c) || "/\\;:%".indexOf(c) >= 0))
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    @Property
    void everyValidServiceIdSurvivesEncodingAndParsing(
            @ForAll("parts") String instance,
            @ForAll("parts") String memberClass,
            @ForAll("parts") String member,
            @ForAll("parts") String subsystem,
            @ForAll("parts") String service) {
        var id =
                new MemberId(instance, memberClass, member).subsystem(subsystem).service(service);
        assertThat(ServiceId.parse(id.encoded())).isEqualTo(id);
        assertThat(id.encoded().split("/")).hasSize(5);
    }

    @Property
    void everyValidClientIdSurvivesEncodingAndParsing(
            @ForAll("parts") String instance, @ForAll("parts") String member, @ForAll("parts") String subsystem) {
        var memberId = new MemberId(instance, "GOV", member);
        assertThat(ClientId.parse(memberId.encoded())).isEqualTo(memberId);
        assertThat(ClientId.parse(memberId.subsystem(subsystem).encoded())).isEqualTo(memberId.subsystem(subsystem));
    }

    @Property
    void reservedAndControlCharactersAreRefused(
            @ForAll("parts") String prefix, @ForAll("reserved") char bad, @ForAll("parts") String suffix) {
        assertThatThrownBy(() -> new MemberId("TW", "GOV", prefix + bad + suffix))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("member code");
    }

    @Provide
    Arbitrary<Character> reserved() {
        return Arbitraries.of('/', '\\', ';', ':', '%', '\n', '\u0000', '\u007f');
    }

    @Property
    void arbitraryTextNeverParsesIntoAnInvalidIdOrAnUncheckedException(@ForAll String text) {
        try {
            var id = ServiceId.parse(text);
            assertThat(ServiceId.parse(id.encoded())).isEqualTo(id);
        } catch (InvalidIdentifierException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
