package com.qiyouxiang.batch;

import org.apache.poi.ss.usermodel.Cell;

/**
 * The one place every text the product writes for a spreadsheet or a browser passes (OWASP's advice
 * against CSV / formula injection): published CSVs, {@code jobs/run query --csv}, the quarterly report
 * (workbook and HTML), the feedback workbooks with their 情况说明 forms, the data dictionary.
 * <ul>
 * <li>CSV ({@link #csv}): a text starting with {@code = + - @}, a tab or a carriage return, also after
 * leading spaces, gets a leading apostrophe, so Excel / WPS / LibreOffice show it as text and never
 * evaluate it. Numbers are not text and are written as they are (a negative deviation stays a number).</li>
 * <li>xlsx ({@link #cell}): always a string cell, never a formula cell, whatever the text.</li>
 * <li>HTML ({@link #html}): the markup characters escaped.</li>
 * </ul>
 */
public final class SafeText {

    private SafeText() {
    }

    /** True when a spreadsheet would read the text as a formula: = + - @ TAB CR first, after any spaces. */
    public static boolean formulaLike(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '=' || ch == '+' || ch == '-' || ch == '@' || ch == '\t' || ch == '\r') {
                return true;
            }
            if (ch != ' ' && ch != '\u3000' && ch != '\u00A0' && ch != '\n') {
                return false;
            }
        }
        return false;
    }

    /** A CSV text field made safe to open in a spreadsheet: a formula-like text gets a leading apostrophe. */
    public static String csv(String value) {
        return formulaLike(value) ? "'" + value : value;
    }

    /** Writes the text into the cell as a string cell (never a formula); null writes an empty string. */
    public static void cell(Cell cell, String value) {
        cell.setCellValue(value == null ? "" : value);
    }

    /** The text escaped for HTML element content and attribute values. */
    public static String html(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
