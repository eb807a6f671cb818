package com.qiyouxiang.batch;

import java.util.regex.Pattern;

/**
 * What no cell a reader sees may hold (issue 17): product paths, mapping ids (jobs/sources/spreadsheets/*.yml),
 * reason codes (OUT_OF_RANGE) and rule ids (R-CHANGE-QOQ); they may stay in a hidden column.
 */
public final class InternalNames {

    public static final Pattern PATTERN = Pattern.compile(
            "(sql|docs|src|jobs|samples)/|\\.(sql|yml|md|java)\\b|\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b|\\bR-[A-Z]+(-[A-Z]+)*\\b|"
                    + "\\b(cl|js|jt|mz|rs|tj|wj|yb)-(indicators|towns|annual|population)\\b");

    private InternalNames() {
    }
}
