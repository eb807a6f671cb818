package com.qiyouxiang.intake.spreadsheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a mapping names a column (used by {@link HeaderResolver}): by its header text without the
 * unit in brackets, a two-row header as {@code upper/lower}; several alternatives (a YAML list, kept as
 * {@code a|b}), the first that the sheet has winning; and a period placeholder {@code {期间}} that stands for the
 * period a bureau writes into a header ({@code {期间}完成值} is {@code 1-9月完成值}, {@code 1-12月完成值},
 * {@code 一季度完成值}, {@code 本季完成值} …), so that one mapping serves every quarter.
 */
final class HeaderNames {

    /** What {@code {期间}} matches in a (normalised) header: a month range, a quarter, a half year, the year, 本季, 累计. */
    static final String PERIOD = "(?:20\\d{2}年)?(?:\\d{1,2}[-~至到]\\d{1,2}月份?|\\d{1,2}月份?|第?[一二三四1-4]季度?|Q[1-4]|[上下]半年|全年|年度|本年|本季度?|本期|本月|累计|当季)(?:累计)?";

    static final String PLACEHOLDER = "{期间}";

    private HeaderNames() {
    }

    /** The alternatives of a column spec ({@code 本期值|{期间}完成值}). */
    static List<String> alternatives(String spec) {
        return Arrays.stream(spec.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A column spec as written in the YAML: a text, or a list of alternatives (kept as a|b). */
    static String spec(Object yaml) {
        if (yaml == null) {
            return null;
        }
        if (yaml instanceof List<?> l) {
            return String.join("|", l.stream().map(String::valueOf).toList());
        }
        return yaml.toString();
    }

    /** Whether one header level (or path) equals one alternative, {@code {期间}} standing for a written period. */
    static boolean matches(String alternative, String header) {
        if (!alternative.contains(PLACEHOLDER)) {
            return alternative.equals(header);
        }
        StringBuilder regex = new StringBuilder();
        int from = 0;
        for (int at = alternative.indexOf(PLACEHOLDER); at >= 0; at = alternative.indexOf(PLACEHOLDER, from)) {
            regex.append(Pattern.quote(alternative.substring(from, at))).append(PERIOD);
            from = at + PLACEHOLDER.length();
        }
        regex.append(Pattern.quote(alternative.substring(from)));
        return header.matches(regex.toString());
    }

    /** The result of looking a spec up in a header: the column, or -1 with the columns that matched (0: missing, 2+: ambiguous). */
    record Found(int column, int candidates) {
    }

    /**
     * The column whose header path (upper/lower, units dropped) is one of the spec's alternatives, or whose only or last
     * level is; the first alternative that the header has wins.
     */
    static Found find(Map<Integer, List<String>> paths, String spec) {
        int candidates = 0;
        for (String alternative : alternatives(spec)) {
            String want = TextNormalizer.label(alternative.replace("/", "\u0000")).replace("\u0000", "/");
            List<Integer> byLast = new ArrayList<>();
            for (var e : paths.entrySet()) {
                List<String> p = e.getValue();
                if (matches(want, String.join("/", p))) {
                    return new Found(e.getKey(), 1);
                }
                if (matches(want, p.get(p.size() - 1)) || p.size() == 1 && matches(want, p.get(0))) {
                    byLast.add(e.getKey());
                }
            }
            if (byLast.size() == 1) {
                return new Found(byLast.get(0), 1);
            }
            candidates = Math.max(candidates, byLast.size());
        }
        return new Found(-1, candidates);
    }
}
