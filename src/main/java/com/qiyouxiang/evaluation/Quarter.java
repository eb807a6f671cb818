package com.qiyouxiang.evaluation;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.batch.core.scope.context.ChunkContext;

/** A calendar quarter, written as dim_period writes it: '2026Q3'. */
public record Quarter(int year, int quarter) {

    private static final Pattern CODE = Pattern.compile("(\\d{4})Q([1-4])");

    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4: " + quarter);
        }
    }

    public static Quarter parse(String code) {
        Matcher m = CODE.matcher(code.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a quarter like 2026Q3: " + code);
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The last quarter that has ended by {@code today}. */
    public static Quarter lastClosed(LocalDate today) {
        int current = (today.getMonthValue() - 1) / 3 + 1;
        return current == 1 ? new Quarter(today.getYear() - 1, 4) : new Quarter(today.getYear(), current - 1);
    }

    /** The quarter {@code today} falls in (still open: the nightly run refreshes it). */
    public static Quarter current(LocalDate today) {
        return new Quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * The job parameter {@code quarter}: a quarter like 2026Q3, {@code current} for the quarter under way,
     * or absent for the last closed quarter.
     */
    public static Quarter fromJobParameters(ChunkContext context, LocalDate today) {
        Object value = context.getStepContext().getJobParameters().get("quarter");
        if (value == null || value.toString().isBlank()) {
            return lastClosed(today);
        }
        return "current".equalsIgnoreCase(value.toString().trim()) ? current(today) : parse(value.toString());
    }

    /** The quarters from {@code this} through {@code last}, in order (empty when last is earlier). */
    public java.util.List<Quarter> through(Quarter last) {
        java.util.List<Quarter> quarters = new java.util.ArrayList<>();
        for (Quarter q = this; q.index() <= last.index(); q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    private int index() {
        return year * 4 + quarter - 1;
    }

    public String code() {
        return year + "Q" + quarter;
    }

    @Override
    public String toString() {
        return code();
    }
}
