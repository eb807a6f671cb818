package com.qiyouxiang.intake.platform;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * GB 11643-1999 公民身份号码 checks in Java. The check character (校验码): the sum of the first 17 digits times
 * the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, modulo 11, picks a character of "10X98765432".
 * {@link #valid} is the whole rule the SQL macros of sql/statements/platform/macros.sql apply (格式, 地址码 as a
 * province code, 出生日期 a real date from 1900-01-01 to today, 校验码): it runs inside the hashing function,
 * where the bytes are in hand anyway and a check costs nanoseconds (in SQL the pattern and the date cost
 * 1.3 s of CPU for 5,000,000 lines); the SQL macros name the reason of a rejected line.
 * PlatformPiecesTest holds the two to the same answers.
 */
public final class Gb11643 {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private Gb11643() {
    }

    /** The check character of 17 digits. */
    public static char checkCharacter(String body17) {
        byte[] digits = body17.getBytes(StandardCharsets.US_ASCII);
        int check = digits.length == 17 ? checkCharacterOf(digits) : -1;
        if (check < 0) {
            throw new IllegalArgumentException("not 17 digits: " + body17);
        }
        return (char) check;
    }

    /**
     * True when the bytes are a valid 身份证号: 17 ASCII digits and their right check character (upper-case X),
     * a province-level region (the first two digits, as gb11643_region), and a birth date (characters 7-14)
     * that is a real date between 1900-01-01 and today (as gb11643_birth_date).
     */
    static boolean valid(byte[] id, LocalDate today) {
        return id.length == 18 && checkCharacterOf(id) == id[17]
                && PROVINCES[(id[0] - '0') * 10 + id[1] - '0']
                && realBirthDate(digits(id, 6, 4), digits(id, 10, 2), digits(id, 12, 2), today);
    }

    /** 11-15 华北, 21-23 东北, 31-37 华东, 41-46 中南, 50-54 西南, 61-65 西北, 71 台湾, 81-82 港澳 (GB/T 2260). */
    private static final boolean[] PROVINCES = new boolean[100];

    static {
        for (int[] range : new int[][] {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}, {81, 82}}) {
            for (int p = range[0]; p <= range[1]; p++) {
                PROVINCES[p] = true;
            }
        }
    }

    /** The check character of the first 17 bytes, or -1 when one of them is not a digit. */
    private static int checkCharacterOf(byte[] id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int digit = id[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            sum += digit * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static int digits(byte[] id, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n = n * 10 + id[i] - '0';
        }
        return n;
    }

    private static boolean realBirthDate(int year, int month, int day, LocalDate today) {
        if (year < 1900 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        return !LocalDate.of(year, month, day).isAfter(today);
    }
}
