package com.qiyouxiang.validation;

/**
 * How far two figures may differ and still agree: within the absolute amount, or within the
 * relative share of the expected figure, whichever is wider; the edge itself passes. Neither set
 * means they must be equal (up to floating-point noise).
 */
public record Tolerance(Double absolute, Double relative) {

    public static final Tolerance EXACT = new Tolerance(null, null);

    /** Noise from binary floating point (0.1 + 0.2), far below any figure a bureau writes. */
    private static final double NOISE = 1e-9;

    public boolean within(double actual, double expected) {
        double diff = Math.abs(actual - expected);
        double noise = NOISE * Math.max(1, Math.abs(expected));
        if (absolute == null && relative == null) {
            return diff <= noise;
        }
        return (absolute != null && diff <= absolute + noise)
                || (relative != null && diff <= relative * Math.abs(expected) + noise);
    }

    /** e.g. "±0.5 或 ±0.1%" */
    public String describe() {
        if (absolute == null && relative == null) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        if (absolute != null) {
            s.append("±").append(Numbers.format(absolute));
        }
        if (relative != null) {
            s.append(s.isEmpty() ? "" : " 或 ").append("±").append(Numbers.percent(relative));
        }
        return s.toString();
    }
}
