package tw.smartgov.trust.testing;

import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Property checks on seeded random cases: a property runs on {@code tries} generated cases, and a
 * failure names the case and the seed that replays the whole run ({@code
 * -Dsmartgov.test.seed=<seed>}).
 *
 * <pre>{@code
 * RandomCases.check(200, random -> {
 *     String payload = random.string(64);
 *     assertThat(decode(encode(payload))).isEqualTo(payload);
 * });
 * }</pre>
 */
public final class RandomCases {
    /** The system property that replays a run: the seed a failure printed. */
    public static final String SEED_PROPERTY = "smartgov.test.seed";

    private RandomCases() {}

    /** One case of a property: it receives its own generator. */
    @FunctionalInterface
    public interface Property {
        void check(Generator random) throws Exception;
    }

    /**
     * Runs {@code property} on {@code tries} cases.
     *
     * @throws AssertionError the first failing case's failure, wrapped in a message that names the
     *     case and the seed
     */
    public static void check(int tries, Property property) {
        long seed = seed();
        var cases = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            var random = new Generator(cases.split(), i);
            try {
                property.check(random);
            } catch (Throwable failure) {
                throw new AssertionError(
                        "property failed on case %d of %d; replay with -D%s=%d"
                                .formatted(i, tries, SEED_PROPERTY, seed),
                        failure);
            }
        }
    }

    private static long seed() {
        String replay = System.getProperty(SEED_PROPERTY);
        return replay == null || replay.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(replay.strip());
    }

    /**
     * Values for one case. The first cases lean to the edges (empty, zero, the bounds), as bugs live
     * there; later ones are uniform.
     */
    public static final class Generator {
        private static final String SAMPLE_CHARACTERS = "aZ09 -_/.:~%+?#&=\t\n\"'<>\\臺灣戶政資料é€\u0000\u007f";
        private final SplittableRandom random;
        private final int index;

        Generator(SplittableRandom random, int index) {
            this.random = random;
            this.index = index;
        }

        /** The case's number, from 0. */
        public int index() {
            return index;
        }

        /** An int in {@code [min, max]}; the first cases give the bounds. */
        public int intBetween(int min, int max) {
            if (index == 0) return min;
            if (index == 1) return max;
            return (int) random.nextLong(min, (long) max + 1);
        }

        public long longBetween(long min, long max) {
            if (index == 0) return min;
            if (index == 1) return max;
            return max == Long.MAX_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong(min, max + 1);
        }

        public boolean bool() {
            return random.nextBoolean();
        }

        /** Uniform in {@code [0, bound)}, no edge bias. */
        public int nextInt(int bound) {
            return random.nextInt(bound);
        }

        public byte[] bytes(int minLength, int maxLength) {
            byte[] bytes = new byte[intBetween(minLength, maxLength)];
            random.nextBytes(bytes);
            return bytes;
        }

        /**
         * A string of up to {@code maxLength} UTF-16 units: ASCII, punctuation, controls, Chinese and
         * characters outside the BMP, as they come from real input.
         */
        public String string(int maxLength) {
            int length = intBetween(0, maxLength);
            var text = new StringBuilder(length);
            while (text.length() < length) {
                int kind = random.nextInt(10);
                if (kind < 5) {
                    text.append((char) random.nextInt(0x20, 0x7f));
                } else if (kind < 7) {
                    text.append(SAMPLE_CHARACTERS.charAt(random.nextInt(SAMPLE_CHARACTERS.length())));
                } else if (kind < 9) {
                    text.append((char) random.nextInt(0x4e00, 0x9fff));
                } else if (text.length() + 2 <= length) {
                    text.appendCodePoint(random.nextInt(0x1f300, 0x1fa00));
                } else {
                    text.append('x');
                }
            }
            return text.toString();
        }

        /** A string of {@code [minLength, maxLength]} characters from {@code alphabet}. */
        public String string(String alphabet, int minLength, int maxLength) {
            int length = intBetween(minLength, maxLength);
            var text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        public <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        @SafeVarargs
        public final <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}
