package com.qiyouxiang.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as an aligned text table for a terminal. Widths count display columns, so Chinese
 * (East Asian wide) characters take two and columns line up under CJK text.
 */
public final class TextTable {

    private TextTable() {
    }

    public static String render(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(cell(row, i)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        for (int i = 0; i < widths.length; i++) {
            out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> row, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String cell = cell(row, i);
            out.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - width(cell)));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    private static String cell(List<String> row, int i) {
        String s = i < row.size() && row.get(i) != null ? row.get(i) : "";
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** Display width: 2 for East Asian wide and full-width characters, 1 otherwise. */
    public static int width(String s) {
        return s.codePoints().map(TextTable::width).sum();
    }

    static int width(int cp) {
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
            return 2;
        }
        return 1;
    }
}
