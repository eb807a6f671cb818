package com.qiyouxiang.catalog;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as the plan writes it ({@code 5.5}, {@code >70}, {@code /}) and parsed: the comparator
 * an observation must satisfy and the number. A plain value means "at least" for a
 * higher-is-better indicator and "at most" for a lower-is-better one; {@code >} and {@code <}
 * are strict bounds; {@code /} (or an empty cell) means no target that year.
 *
 * @param text       exactly as written
 * @param comparator {@code >=}, {@code >}, {@code <=}, {@code <}; null when there is no target
 * @param value      null when there is no target
 */
public record Target(String text, String comparator, BigDecimal value) {

    private static final Pattern FORM = Pattern.compile("(>=|<=|≥|≤|>|<)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(%|‰)?");

    public boolean isScored() {
        return comparator != null;
    }

    /**
     * @param written   the cell text
     * @param direction {@code higher} or {@code lower}: what a plain value means
     * @throws IllegalArgumentException with a Chinese message when the text is not a target
     */
    public static Target parse(String written, String direction) {
        String text = written == null ? "" : written.strip();
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).replace(" ", "");
        if (normal.isEmpty() || normal.equals("/") || normal.equals("—") || normal.equals("-")) {
            return new Target(text.isEmpty() ? "/" : text, null, null);
        }
        Matcher m = FORM.matcher(normal);
        if (!m.matches()) {
            throw new IllegalArgumentException("目标值“" + text + "”无法识别：应为数值（如 5.5）、带比较符的数值（如 >70）或 /（当年无目标）");
        }
        String op = m.group(1);
        String comparator;
        if (op == null) {
            comparator = "lower".equals(direction) ? "<=" : ">=";
        } else {
            comparator = switch (op) {
                case "≥" -> ">=";
                case "≤" -> "<=";
                default -> op;
            };
        }
        return new Target(text, comparator, new BigDecimal(m.group(2)));
    }
}
