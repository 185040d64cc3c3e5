package tw.smartgov.troad.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tw.smartgov.troad.protocol.XRoadErrorType;
import tw.smartgov.troad.protocol.XRoadException;
import tw.smartgov.trust.testing.RandomCases;

class SpooledBodyTest {
    private static final int FIRST = SpooledBody.FIRST_CHUNK_OF_UNKNOWN_LENGTH;

    @Test
    void aBodyOfUnknownLengthIsReadWhole() {
        RandomCases.check(60, random -> {
            int length = lengthAroundTheChunkSizes(random);
            int perRead = random.intBetween(1, 70_000);
            byte[] sent = bytes(length);

            try (SpooledBody body =
                    SpooledBody.read(trickling(sent, perRead), -1, Long.MAX_VALUE, XRoadErrorType.BAD_REQUEST)) {
                assertThat(body.size()).isEqualTo(length);
                assertThat(body.digest()).isEqualTo(SpooledBody.sha512().digest(sent));
                assertThat(body.open().readAllBytes()).isEqualTo(sent);
            }
        });
    }

    private static int lengthAroundTheChunkSizes(RandomCases.Generator random) {
        return random.bool()
                ? random.pick(0, 1, FIRST - 1, FIRST, FIRST + 1, 64 * 1024, 64 * 1024 + 1)
                : random.intBetween(0, 300_000);
    }

    @Test
    void aBodyWithItsLengthAnnouncedIsReadWholeWhateverTheReadsReturn() throws IOException {
        for (int length : new int[] {0, 1, 120, FIRST + 1, 70_000}) {
            byte[] sent = bytes(length);
            try (SpooledBody body =
                    SpooledBody.read(trickling(sent, 1_000), length, Long.MAX_VALUE, XRoadErrorType.BAD_REQUEST)) {
                assertThat(body.memory()).isEqualTo(sent);
                assertThat(body.digest()).isEqualTo(SpooledBody.sha512().digest(sent));
            }
        }
    }

    @Test
    void aBodyAboveTheMemoryLimitGoesToATemporaryFileAndLeavesNoneBehind() throws IOException {
        byte[] sent = bytes(SpooledBody.MEMORY_LIMIT + FIRST + 1);
        Path spooled;
        try (SpooledBody body =
                SpooledBody.read(trickling(sent, 10_000), -1, Long.MAX_VALUE, XRoadErrorType.BAD_REQUEST)) {
            assertThat(body.memory()).isNull();
            assertThat(body.open().readAllBytes()).isEqualTo(sent);
            spooled = body.file();
            assertThat(spooled).exists();
        }
        assertThat(spooled).doesNotExist();
    }

    @Test
    void aBodyLargerThanAllowedIsRefusedWithTheGivenType() {
        byte[] sent = bytes(FIRST * 3);

        assertThatThrownBy(() ->
                        SpooledBody.read(new ByteArrayInputStream(sent), -1, FIRST * 2, XRoadErrorType.BAD_REQUEST))
                .isInstanceOfSatisfying(
                        XRoadException.class, e -> assertThat(e.type()).isEqualTo(XRoadErrorType.BAD_REQUEST))
                .hasMessageContaining("larger than " + FIRST * 2 + " bytes");
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** Returns at most {@code perRead} bytes per read, as a network stream does. */
    private static InputStream trickling(byte[] bytes, int perRead) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, perRead));
            }
        };
    }
}
