package com.qiyouxiang.batch;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The print setup of every sheet people print (the quarterly report, the bureaus' feedback workbooks): A4,
 * landscape or portrait, fit to the page width (as many pages down as needed), the header rows repeated on
 * every page, frozen panes, a page header with the document's title and period and the footer
 * "第 &amp;P 页 共 &amp;N 页". Column widths come from {@link Widths}, which counts a CJK character as two
 * Latin ones and caps long texts (their cells wrap). Works on XSSF and SXSSF sheets alike.
 */
public final class PrintLayout {

    /** The footer of every printed page: 第 N 页 共 M 页 (Excel codes &amp;P page, &amp;N pages). */
    public static final String PAGE_FOOTER = "第 &P 页 共 &N 页";

    private PrintLayout() {
    }

    /**
     * @param headerRow the (0-based) row of column headers repeated on every page and frozen below; -1 for none
     * @param title     the document's title, in the page header with the period
     */
    public static void apply(Sheet sheet, boolean landscape, int headerRow, String title, String period) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, SIDE_MARGIN);
        sheet.setMargin(Sheet.RightMargin, SIDE_MARGIN);
        sheet.setMargin(Sheet.TopMargin, TOP_MARGIN);
        sheet.setMargin(Sheet.BottomMargin, TOP_MARGIN);
        sheet.setMargin(Sheet.HeaderMargin, 0.25);
        sheet.setMargin(Sheet.FooterMargin, 0.25);
        sheet.setHorizontallyCenter(true);
        if (headerRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            sheet.createFreezePane(0, headerRow + 1);
        }
        sheet.getHeader().setCenter(title + (period == null || period.isBlank() ? "" : "　" + period));
        sheet.getFooter().setCenter(PAGE_FOOTER);
    }

    private static final String[] QUARTERS_ZH = {"第一季度", "第二季度", "第三季度", "第四季度"};

    /**
     * A period as people write it: {@code 2026Q3} → 2026年第三季度, {@code 2026} → 2026年; anything else as it is.
     * The one place the printed documents turn period codes into words.
     */
    public static String periodZh(String code) {
        if (code == null) {
            return "";
        }
        if (code.matches("\\d{4}Q[1-4]")) {
            return code.substring(0, 4) + "年" + QUARTERS_ZH[code.charAt(5) - '1'];
        }
        if (code.matches("\\d{4}")) {
            return code + "年";
        }
        return code;
    }

    /** The months a cumulative figure of the period covers: {@code 2026Q3} → 2026年1-9月, {@code 2026} → 2026年1-12月. */
    public static String cumulativePeriodZh(String code) {
        if (code != null && code.matches("\\d{4}Q[1-4]")) {
            return code.substring(0, 4) + "年1-" + (code.charAt(5) - '0') * 3 + "月";
        }
        return code != null && code.matches("\\d{4}") ? code + "年1-12月" : periodZh(code);
    }

    /** A4 in points, and the margins {@link #apply} sets, in inches. */
    private static final double A4_SHORT = 595.3;
    private static final double A4_LONG = 841.9;
    private static final double SIDE_MARGIN = 0.4;
    private static final double TOP_MARGIN = 0.6;
    /**
     * A column width unit in points as LibreOffice prints it (measured: 20 units = 140 pt at 100 %; the default row is
     * 15 pt, a CJK character 10 pt wide).
     */
    private static final double CHAR_POINTS = 7.0;

    /**
     * Prints a set-up sheet as large as it fits. A sheet of at most {@code onePageRows} rows is shrunk onto one page
     * (fit one wide and one tall), portrait or landscape, whichever prints it larger (a short, wide table prints
     * landscape at full size where portrait would shrink it to its width). A longer one runs down the pages fit to
     * the width, in {@code longLandscape} orientation, so that its text stays readable.
     *
     * @param columns the columns of the table (hidden ones do not print)
     * @param rows    the rows of the sheet; the heights of those SXSSF still holds count as set, the others 15 pt
     * @return whether the sheet was shrunk onto one page
     */
    public static boolean fit(Sheet sheet, int columns, int rows, int onePageRows, boolean longLandscape) {
        PrintSetup print = sheet.getPrintSetup();
        if (rows > onePageRows) {
            print.setLandscape(longLandscape);
            return false;
        }
        double width = 0;
        for (int c = 0; c < columns; c++) {
            width += sheet.isColumnHidden(c) ? 0 : sheet.getColumnWidth(c) / 256.0 * CHAR_POINTS;
        }
        double height = 0;
        for (int r = 0; r < rows; r++) {
            Row row = sheet.getRow(r);
            height += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
        }
        print.setLandscape(onePageScale(width, height, true) > onePageScale(width, height, false));
        print.setFitHeight((short) 1);
        return true;
    }

    /** The scale a table of this size prints at on one A4 page (at most 1: fitting only shrinks). */
    static double onePageScale(double width, double height, boolean landscape) {
        double pageWidth = (landscape ? A4_LONG : A4_SHORT) - 2 * SIDE_MARGIN * 72;
        double pageHeight = (landscape ? A4_SHORT : A4_LONG) - 2 * TOP_MARGIN * 72;
        return Math.min(1, Math.min(pageWidth / Math.max(width, 1), pageHeight / Math.max(height, 1)));
    }

    /** A manual page break after {@code row} (0-based), e.g. before a chart block so no page cuts the chart. */
    public static void breakAfter(Sheet sheet, int row) {
        sheet.setRowBreak(row);
    }

    /** How wide a text prints, in Latin character widths: a CJK (or other full-width) character counts 2. */
    public static int displayWidth(String text) {
        if (text == null) {
            return 0;
        }
        int width = 0;
        int lineWidth = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                width = Math.max(width, lineWidth);
                lineWidth = 0;
            } else {
                lineWidth += wide(cp) ? 2 : 1;
            }
        }
        return Math.max(width, lineWidth);
    }

    private static boolean wide(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION && cp >= 0x2014 && cp <= 0x201D;
    }

    /**
     * Column widths fitted to what the columns hold: {@link #see} every cell text written, then {@link #apply}.
     * A column is at least {@code min} and at most {@code max} characters wide, or its own cap; a longer text wraps
     * (the caller gives its cell a wrapping style, see {@link #wraps(int, String)}).
     */
    public static final class Widths {
        private final Map<Integer, Integer> widths = new HashMap<>();
        private final int min;
        private final int max;
        private final Map<Integer, Integer> caps;

        public Widths(int min, int max) {
            this(min, max, Map.of());
        }

        /** @param caps a column's own cap, below {@code max} (a narrower column, whose texts wrap sooner) */
        public Widths(int min, int max, Map<Integer, Integer> caps) {
            this.min = min;
            this.max = max;
            this.caps = Map.copyOf(caps);
        }

        public void see(int column, String text) {
            widths.merge(column, displayWidth(text), Math::max);
        }

        /** True when the text is longer than the widest column: its cell must wrap. */
        public boolean wraps(String text) {
            return displayWidth(text) > max;
        }

        /** True when the text is longer than its column can be: its cell must wrap. */
        public boolean wraps(int column, String text) {
            return displayWidth(text) > cap(column);
        }

        /**
         * The lines a text takes wrapped in a column of the widest width: a row of wrapped cells needs its height
         * set (LibreOffice keeps the default height of a row written without one, and cuts the text). A CJK
         * character prints about 1.6 Latin widths in the default font, not the 2 that {@link #displayWidth} counts.
         */
        public int lines(String text) {
            return lines(text, max);
        }

        /** The lines a text takes wrapped in its column (at its cap). */
        public int lines(int column, String text) {
            return lines(text, cap(column));
        }

        private static int lines(String text, int width) {
            return Math.max(1, (displayWidth(text) * 4 / 5 + width - 1) / width);
        }

        private int cap(int column) {
            return caps.getOrDefault(column, max);
        }

        /** Sets the widths of the columns seen; a column may be given its own cap in {@code caps}. */
        public void apply(Sheet sheet, Map<Integer, Integer> caps) {
            widths.forEach((column, width) -> {
                int cap = caps.getOrDefault(column, this.caps.getOrDefault(column, max));
                int chars = Math.max(min, Math.min(cap, width + 2));
                sheet.setColumnWidth(column, chars * 256);
            });
        }

        /** The sum of the widths, capped as {@link #apply} sets them, in character widths. */
        public int total() {
            return widths.entrySet().stream().mapToInt(e -> Math.max(min, Math.min(cap(e.getKey()), e.getValue() + 2))).sum();
        }

        /** The columns up to the last one seen. */
        public int columns() {
            return widths.keySet().stream().mapToInt(c -> c + 1).max().orElse(0);
        }

        public void apply(Sheet sheet) {
            apply(sheet, Map.of());
        }
    }
}
