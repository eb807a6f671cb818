package com.qiyouxiang.warehouse;

/**
 * Only finite numbers of a representable magnitude reach a fact or a mart. A figure is refused when it is
 * NaN, ±Infinity (a platform value {@code 1e999}, an xlsx cell holding {@code NaN} or {@code INF}) or larger
 * in magnitude than {@value #MAX_MAGNITUDE_TEXT} (2^53): beyond that a double no longer holds every
 * integer, so no count or amount of the programme is there, and an ID or bank number typed into a figure
 * column is (an 18-digit 身份证号 is about 3.3e17). The same limit is written in SQL as
 * {@code finite_figure(x)} (sql/statements/platform/macros.sql) and in the data-quality check
 * sql/checks/finite_values.sql; {@code FiniteNumbersTest} holds the three together.
 */
public final class FiniteNumbers {

    public static final double MAX_MAGNITUDE = 0x1p53;
    static final String MAX_MAGNITUDE_TEXT = "9007199254740992";

    /** The reason code of a refused figure, in etl_reject. */
    public static final String REASON_CODE = "NOT_FINITE";

    private FiniteNumbers() {
    }

    public static boolean ok(double value) {
        return Double.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE;
    }

    /** The Chinese reason, without the value (which may be an ID number typed into the wrong column). */
    public static String problemZh() {
        return "数值无效：不是有限数值（如 NaN、Infinity、1e999）或绝对值过大（超过 9007199254740992），请填写实际数值";
    }
}
