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
}
