package tw.smartgov.identity;

import java.util.regex.Pattern;

/**
 * A Taiwanese national identification number (國民身分證統一編號), or the number of a resident
 * certificate in the 2021 format (居留證統一證號, second digit 8 or 9): a letter for the place of
 * first registration, a digit for the holder's sex (1, 2) or residence (8, 9), seven digits and a
 * check digit. The constructor checks the form and the check digit, so every instance is
 * well-formed.
 *
 * <p>The check digit: the letter becomes two digits (A=10 … Z=33, I=34, O=35, as the Ministry of
 * the Interior assigns them); the weighted sum of the tens digit ×1, the units digit ×9, the next
 * eight digits ×8, 7, … 1 and the check digit ×1 is a multiple of 10.
 *
 * <p>It is personal data: {@link #toString()} masks it, and messages never repeat it.
 */
public record NationalId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z][1289][0-9]{8}");
    /** Letters in the order of their codes 10, 11, … 35. */
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

    /** Whom a number was issued to, from its second character. */
    public enum Holder {
        CITIZEN,
        RESIDENT
    }

    /**
     * @throws IllegalArgumentException if {@code value} is not ten characters of the form above or
     *     its check digit is wrong (the message does not repeat the value)
     */
    public NationalId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a national identification number is an upper-case letter, 1, 2, 8 or 9, and eight digits");
        }
        if (checkDigit(value.substring(0, 9)) != value.charAt(9) - '0') {
            throw new IllegalArgumentException("the check digit of this national identification number is wrong");
        }
    }

    /** The number, or an exception, for user input (surrounding blanks and lower case accepted). */
    public static NationalId parse(String text) {
        return new NationalId(text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** True if {@code text} is a well-formed number with the right check digit. */
    public static boolean isValid(String text) {
        return FORM.matcher(text).matches() && checkDigit(text.substring(0, 9)) == text.charAt(9) - '0';
    }

    /** The number made of the first nine characters {@code body} and their check digit (for synthetic data). */
    public static NationalId withCheckDigit(String body) {
        if (body.length() != 9 || !FORM.matcher(body + "0").matches()) {
            throw new IllegalArgumentException("the body of a number is a letter, 1, 2, 8 or 9, and seven digits");
        }
        return new NationalId(body + checkDigit(body));
    }

    public Holder holder() {
        char second = value.charAt(1);
        return second == '1' || second == '2' ? Holder.CITIZEN : Holder.RESIDENT;
    }

    /** The check digit of a nine-character body whose form was already checked. */
    private static int checkDigit(String body) {
        int code = LETTERS.indexOf(body.charAt(0)) + 10;
        int sum = code / 10 + (code % 10) * 9;
        for (int i = 1; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (9 - i);
        }
        return (10 - sum % 10) % 10;
    }

    /** Masked, as on printed documents: {@code A12****789}. */
    @Override
    public String toString() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }
}
