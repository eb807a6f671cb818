package com.qiyouxiang.validation;

/**
 * Period codes as in dim_period: '2024' (a year) or '2024Q2' (a quarter). A code of another shape
 * (the ingest rejects those itself) has no year, quarter or base periods: the history rules skip it.
 */
final class Periods {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\d{4}(Q[1-4])?");

    private Periods() {
    }

    static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    static int year(String code) {
        return Integer.parseInt(code.substring(0, 4));
    }

    /** 1–4, or null for a year. */
    static Integer quarter(String code) {
        if (!valid(code)) {
            return null;
        }
        return code.length() > 4 ? Integer.parseInt(code.substring(code.indexOf('Q') + 1)) : null;
    }

    /** '2024Q1' for '2024Q2', '2023Q4' for '2024Q1'; null for a year. */
    static String previousQuarter(String code) {
        Integer q = quarter(code);
        if (q == null) {
            return null;
        }
        return q == 1 ? (year(code) - 1) + "Q4" : year(code) + "Q" + (q - 1);
    }

    /** '2023Q2' for '2024Q2', '2023' for '2024'. */
    static String samePeriodLastYear(String code) {
        if (!valid(code)) {
            return null;
        }
        Integer q = quarter(code);
        return (year(code) - 1) + (q == null ? "" : "Q" + q);
    }
}
