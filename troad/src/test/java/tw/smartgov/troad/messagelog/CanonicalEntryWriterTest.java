package tw.smartgov.troad.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalEntryWriterTest {

    @Test
    void theWordAtATimeScanFindsEveryCharacterThatNeedsAnEscapeAtEveryPosition() {
        char[] fillers = {'A', '~', 0x21, 0x5d, 0x7f, 0x80, 0xa0, 0xff, 0x100, 0x4e2d};
        for (char filler : fillers) {
            for (int length = 0; length < 20; length++) {
                String plain = String.valueOf(filler).repeat(length);
                assertThat(CanonicalEntryWriter.needsEscapes(plain))
                        .as("%s", plain)
                        .isFalse();
                for (int position = 0; position < length; position++) {
                    for (char c = 0; c < 0x180; c++) {
                        char[] chars = plain.toCharArray();
                        chars[position] = c;
                        String value = new String(chars);
                        boolean expected = c < 0x20 || c == '"' || c == '\\';
                        assertThat(CanonicalEntryWriter.needsEscapes(value))
                                .as("U+%04X at %d of %d among U+%04X", (int) c, position, length, (int) filler)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }
}
