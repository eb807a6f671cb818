package com.qiyouxiang.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The shared print setup, written with SXSSF (as the feedback workbooks are) and read back with POI. */
class PrintLayoutTest {

    @Test
    void aCjkCharacterCountsTwoLatinWidths() {
        assertThat(PrintLayout.displayWidth("abc")).isEqualTo(3);
        assertThat(PrintLayout.displayWidth("暨阳街道")).isEqualTo(8);
        assertThat(PrintLayout.displayWidth("H01 托位数（个）")).isEqualTo(4 + 6 + 6);
        assertThat(PrintLayout.displayWidth("第一行\nab")).isEqualTo(6);
        assertThat(PrintLayout.displayWidth(null)).isZero();
    }

    @Test
    void periodsAreWrittenInChinese() {
        assertThat(PrintLayout.periodZh("2026Q3")).isEqualTo("2026年第三季度");
        assertThat(PrintLayout.periodZh("2025Q1")).isEqualTo("2025年第一季度");
        assertThat(PrintLayout.periodZh("2025")).isEqualTo("2025年");
        assertThat(PrintLayout.cumulativePeriodZh("2026Q3")).isEqualTo("2026年1-9月");
        assertThat(PrintLayout.cumulativePeriodZh("2026Q1")).isEqualTo("2026年1-3月");
        assertThat(PrintLayout.periodZh(null)).isEmpty();
    }

    @Test
    void widthsFitTheContentWithinTheirBoundsAndLongTextsWrap() throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            Sheet s = wb.createSheet("表");
            PrintLayout.Widths widths = new PrintLayout.Widths(6, 40);
            widths.see(0, "1");
            widths.see(1, "诸暨市卫生健康局");
            widths.see(2, "很长的问题说明".repeat(10));
            widths.apply(s);
            assertThat(s.getColumnWidth(0)).isEqualTo(6 * 256);
            assertThat(s.getColumnWidth(1)).isEqualTo((16 + 2) * 256);
            assertThat(s.getColumnWidth(2)).isEqualTo(40 * 256);
            assertThat(widths.wraps("很长的问题说明".repeat(10))).isTrue();
            assertThat(widths.wraps("诸暨市卫生健康局")).isFalse();
            assertThat(widths.total()).isEqualTo(6 + 18 + 40);
        }
    }

    @Test
    void theSheetPrintsOnA4FitToWidthWithRepeatedHeaderAndPageNumbers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            Sheet s = wb.createSheet("表");
            for (int r = 0; r < 100; r++) {
                s.createRow(r).createCell(0).setCellValue(r);
            }
            PrintLayout.apply(s, true, 3, "七优享季度调度报告", "2026年第三季度");
            wb.write(bytes);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
            assertThat(s.getFitToPage()).isTrue();
            assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getPrintSetup().getFitHeight()).isZero();
            assertThat(s.getRepeatingRows().formatAsString()).isEqualTo("4:4");
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
            assertThat(s.getHeader().getCenter()).isEqualTo("七优享季度调度报告　2026年第三季度");
            assertThat(s.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
        }
    }
    @Test
    void aShortSheetPrintsOnOnePageInTheOrientationThatPrintsItLargerALongOneRunsOnAtItsWidth() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            // 140 characters wide, 20 rows: portrait would shrink it to 55 % for its width, landscape to 80 %
            Sheet wide = table(wb, "宽", 7, 20, 20);
            assertThat(PrintLayout.fit(wide, 7, 20, 100, false)).isTrue();
            assertThat(wide.getPrintSetup().getLandscape()).isTrue();
            assertThat(wide.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            // 14 characters wide, 80 rows: portrait (63 % for its height) beats landscape (42 %)
            Sheet tall = table(wb, "长", 7, 2, 80);
            assertThat(PrintLayout.fit(tall, 7, 80, 100, true)).isTrue();
            assertThat(tall.getPrintSetup().getLandscape()).isFalse();
            // 120 rows: longer than the threshold, it runs on at its width, in the orientation asked for
            Sheet longer = table(wb, "更长", 7, 20, 120);
            assertThat(PrintLayout.fit(longer, 7, 120, 100, true)).isFalse();
            assertThat(longer.getPrintSetup().getLandscape()).isTrue();
            assertThat(longer.getPrintSetup().getFitHeight()).isZero();
            // a hidden column does not print: 6 narrow columns, portrait at full size
            Sheet narrow = table(wb, "窄", 7, 10, 20);
            narrow.setColumnWidth(6, 80 * 256);
            narrow.setColumnHidden(6, true);
            assertThat(PrintLayout.fit(narrow, 7, 20, 100, true)).isTrue();
            assertThat(narrow.getPrintSetup().getLandscape()).isFalse();
            assertThat(PrintLayout.onePageScale(140 * 7, 20 * 15, false)).isCloseTo(0.55, org.assertj.core.data.Offset.offset(0.01));
            assertThat(PrintLayout.onePageScale(140 * 7, 20 * 15, true)).isCloseTo(0.80, org.assertj.core.data.Offset.offset(0.01));
            assertThat(PrintLayout.onePageScale(100 * 7, 20 * 15, true)).isEqualTo(1.0);
        }
    }

    private static Sheet table(XSSFWorkbook wb, String name, int columns, int width, int rows) {
        Sheet s = wb.createSheet(name);
        for (int r = 0; r < rows; r++) {
            s.createRow(r).createCell(0).setCellValue(r);
        }
        for (int c = 0; c < columns; c++) {
            s.setColumnWidth(c, width * 256);
        }
        PrintLayout.apply(s, false, -1, name, "");
        return s;
    }
}
