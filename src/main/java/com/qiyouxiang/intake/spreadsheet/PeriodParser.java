package com.qiyouxiang.intake.spreadsheet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting period as bureaus write it in a title or a file name, as a dim_period code:
 * 2024年第二季度 / 2024年二季度 / 2024Q2 / 2024年1-6月 / 2024年上半年 -> 2024Q2; 2024年前三季度 -> 2024Q3;
 * 2024年 / 2024年度 / 2024年末 -> 2024. Cumulative month ranges must end on a quarter's last month.
 */
public final class PeriodParser {

    private static final Pattern QUARTER = Pattern.compile("(20\\d{2})年?第?([一二三四1-4])季度");
    private static final Pattern QUARTER_CODE = Pattern.compile("(20\\d{2})[-_ ]?Q([1-4])", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTHS = Pattern.compile("(20\\d{2})年(?:1|一)?月?[-~至到—－](\\d{1,2})月");
    private static final Pattern HALF = Pattern.compile("(20\\d{2})年?(上半年|前三季度)");
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})年(?!\\d|第|[一二三四]季|上半|前三)");

    private PeriodParser() {
    }

    /** The period in the text, or null. */
    public static String parse(String text) {
        String s = TextNormalizer.normalize(text);
        Matcher m = QUARTER.matcher(s);
        if (m.find()) {
            return m.group(1) + "Q" + ("一二三四".indexOf(m.group(2)) >= 0 ? "一二三四".indexOf(m.group(2)) + 1 : Integer.parseInt(m.group(2)));
        }
        m = QUARTER_CODE.matcher(s);
        if (m.find()) {
            return m.group(1) + "Q" + m.group(2);
        }
        m = MONTHS.matcher(s);
        if (m.find()) {
            int month = Integer.parseInt(m.group(2));
            return month % 3 == 0 && month <= 12 ? m.group(1) + "Q" + month / 3 : null;
        }
        m = HALF.matcher(s);
        if (m.find()) {
            return m.group(1) + (m.group(2).equals("上半年") ? "Q2" : "Q3");
        }
        m = YEAR.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    public static boolean isQuarter(String period) {
        return period != null && period.contains("Q");
    }

    public static int year(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }

    public static int quarter(String period) {
        return isQuarter(period) ? period.charAt(5) - '0' : 0;
    }
}
