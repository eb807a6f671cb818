package com.qiyouxiang.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures appear in the Chinese messages: plain decimals, percentages with one decimal. */
final class Numbers {

    private Numbers() {
    }

    /** 12, 3.5, 0.0042 — at most 4 decimals, no trailing zeros, no exponent. */
    static String format(Double d) {
        if (d == null) {
            return "（空）";
        }
        return new BigDecimal(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** 0.3 -> "30%", 0.4567 -> "45.7%" */
    static String percent(double share) {
        return new BigDecimal(share * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    /** 0.4567 -> "+45.7%", -0.5 -> "-50%" */
    static String signedPercent(double share) {
        return (share >= 0 ? "+" : "") + percent(share);
    }

    /** Greater than the limit beyond floating-point noise (so 1.3 / 1.0 - 1 is not above 0.30). */
    static boolean exceeds(double value, double limit) {
        return value > limit + 1e-9 * Math.max(1, Math.abs(limit));
    }
}
