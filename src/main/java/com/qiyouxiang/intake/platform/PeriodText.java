package com.qiyouxiang.intake.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 统计期 as the platform writes it -> dim_period.period_code. The same rules as the SQL macro
 * platform_period (sql/statements/platform/macros.sql), which the record-level exports use:
 * 2024Q2, 2024年第二季度, 2024-06, 202406 -> 2024Q2; 2024, 2024年 -> 2024. A month stands for its
 * quarter only at the quarter's end (3, 6, 9, 12): the exports give stocks at a date.
 */
public final class PeriodText {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern QUARTER_ZH = Pattern.compile("(\\d{4})年第([一二三四1-4])季度");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-?(03|06|09|12)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年?");

    private PeriodText() {
    }

    /** @return the period code, or null when the text is not a period this ingest accepts */
    public static String parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toUpperCase();
        Matcher m;
        if ((m = QUARTER.matcher(t)).matches()) {
            return m.group(1) + "Q" + m.group(2);
        }
        if ((m = QUARTER_ZH.matcher(t)).matches()) {
            String q = m.group(2);
            int n = "一二三四".indexOf(q) >= 0 ? "一二三四".indexOf(q) + 1 : Integer.parseInt(q);
            return m.group(1) + "Q" + n;
        }
        if ((m = MONTH.matcher(t)).matches()) {
            return m.group(1) + "Q" + Integer.parseInt(m.group(2)) / 3;
        }
        if ((m = YEAR.matcher(t)).matches()) {
            return m.group(1);
        }
        return null;
    }
}
