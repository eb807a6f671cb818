package com.qiyouxiang.intake.platform;

/**
 * The GB 11643-1999 check character (校验码) of a 公民身份号码: the sum of the first 17 digits times the
 * weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, modulo 11, picks a character of "10X98765432".
 * The same rule as the SQL macro gb11643_check_digit_of (sql/staging/platform_macros.sql), which names
 * the reason of a rejected line; this copy runs inside the hashing function, where the bytes are in hand
 * anyway (PlatformPiecesTest holds the two to the same answers).
 */
public final class Gb11643 {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private Gb11643() {
    }

    /** The check character of 17 digits. */
    public static char checkCharacter(CharSequence body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** True when the 18 ASCII bytes are 17 digits and their right check character (upper-case X). */
    static boolean checkCharacterRight(byte[] id) {
        if (id.length != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int digit = id[i] - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            sum += digit * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11) == id[17];
    }
}
