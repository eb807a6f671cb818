package com.qiyouxiang.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.qiyouxiang.batch.PrintLayout;
import com.qiyouxiang.batch.SafeText;

/**
 * The quarterly report for the 季度调度会 as an xlsx workbook in Chinese: one sheet per report
 * section, the lights as cell fills, and native Excel charts (POI XDDF) that read the sheet cells:
 * light counts by domain (总体评价), domain scores (分领域评价), one indicator across towns (镇街对比).
 * The report is small (hundreds of rows), so the usermodel XSSFWorkbook is fine here.
 */
public final class QuarterlyReportWorkbook {

    static final Map<String, String> LIGHT_COLOURS = Map.of(
            "green", "63BE7B", "yellow", "FFD966", "red", "F8696B", "grey", "BFBFBF");

    private static final int TITLE_ROWS = 3;
    /** A chart's height in rows (about 10 cm). */
    static final int CHART_ROWS = 20;
    /** Up to this many rows above it, a chart still fits on the table's first page. */
    private static final int ROWS_WITH_CHART = 14;

    private QuarterlyReportWorkbook() {
    }

    public static void write(ReportData data, Path target) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            Map<String, XSSFSheet> sheets = new HashMap<>();
            for (Map.Entry<ReportSection, List<Map<String, Object>>> e : data.sections().entrySet()) {
                sheets.put(e.getKey().title(), writeSheet(wb, styles, data.quarter(), e.getKey(), e.getValue()));
            }
            int domains = data.rows("分领域评价").size();
            if (domains > 0) {
                XSSFSheet domainSheet = sheets.get("分领域评价");
                domainScoreChart(domainSheet, domains);
                lightCountChart(sheets.get("总体评价"), domainSheet, domains);
            }
            townChart(sheets.get("镇街对比"), data);
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
    }

    private static XSSFSheet writeSheet(XSSFWorkbook wb, Styles styles, String quarter, ReportSection section,
                                        List<Map<String, Object>> rows) {
        XSSFSheet sheet = wb.createSheet(section.title());
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue("七优享 " + PrintLayout.periodZh(quarter) + " " + section.title());
        title.setCellStyle(styles.title);
        Cell note = sheet.createRow(1).createCell(0);
        SafeText.cell(note, section.note());
        note.setCellStyle(styles.note);
        Row header = sheet.createRow(TITLE_ROWS);
        List<ReportSection.Column> columns = section.columns();
        // headers wrap, so they count only up to 8 wide; long texts wrap at 40 (问题, 催报说明 at 50)
        PrintLayout.Widths widths = new PrintLayout.Widths(6, 40);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(styles.header);
            widths.see(i, columns.get(i).header().length() > 4 ? "八个字宽" : columns.get(i).header());
        }
        int r = header.getRowNum() + 1;
        for (Map<String, Object> row : rows) {
            Row x = sheet.createRow(r++);
            for (int i = 0; i < columns.size(); i++) {
                ReportSection.Column col = columns.get(i);
                Object value = row.get(col.key());
                Cell cell = x.createCell(i);
                switch (col.kind()) {
                    case LIGHT -> {
                        cell.setCellValue(ReportData.lightZh(value));
                        cell.setCellStyle(styles.lights.getOrDefault(String.valueOf(value), styles.body));
                    }
                    case FLAG -> {
                        cell.setCellValue(Boolean.TRUE.equals(value) ? "是" : "");
                        cell.setCellStyle(styles.body);
                    }
                    case TEXT -> {
                        String text = value == null ? "" : value.toString();
                        SafeText.cell(cell, text);
                        cell.setCellStyle(widths.wraps(text) ? styles.wrapped : styles.body);
                        widths.see(i, text);
                    }
                    default -> {
                        if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            widths.see(i, QuarterlyReportHtml.format(col.kind(), value));
                        }
                        cell.setCellStyle(styles.numbers.get(col.kind()));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            sheet.createRow(r).createCell(0).setCellValue("（本季度无记录）");
        }
        Map<Integer, Integer> caps = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals("message_zh")) {
                caps.put(i, 50);
            }
        }
        widths.apply(sheet, caps);
        int total = 0;
        for (int i = 0; i < columns.size(); i++) {
            total += sheet.getColumnWidth(i) / 256;
        }
        // the note spans the table, wrapped, so nothing prints beyond the last column
        if (columns.size() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.size() - 1));
        }
        int lines = (PrintLayout.displayWidth(section.note()) + total - 1) / Math.max(total, 1);
        sheet.getRow(1).setHeightInPoints(Math.max(1, lines) * 16f);
        // A4 portrait holds about 95 character widths at a readable scale; wider tables print landscape
        PrintLayout.apply(sheet, total > 95, header.getRowNum(), "七优享季度调度报告·" + section.title(), PrintLayout.periodZh(quarter));
        return sheet;
    }

    /** Domain scores: a column chart over 分领域评价's 领域 (col A) and 领域得分 (col I), below the table. */
    private static void domainScoreChart(XSSFSheet sheet, int domains) {
        int first = TITLE_ROWS + 1;
        XSSFChart chart = chartBelow(sheet, first + domains, 9, "分领域得分");
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, first + domains - 1, 0, 0));
        XDDFNumericalDataSource<Double> scores = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, first + domains - 1, 8, 8));
        XDDFBarChartData bars = bars(chart, BarGrouping.CLUSTERED);
        XDDFChartData.Series series = bars.addSeries(names, scores);
        series.setTitle("领域得分", null);
        series.setFillProperties(fill("4472C4"));
        chart.plot(bars);
    }

    /** Light counts by domain, one column per light, on 总体评价, reading 分领域评价's columns D-G. */
    private static void lightCountChart(XSSFSheet target, XSSFSheet domainSheet, int domains) {
        int first = TITLE_ROWS + 1;
        XSSFChart chart = chartBelow(target, TITLE_ROWS + 2, 11, "各领域指标亮灯情况");
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(domainSheet,
                new CellRangeAddress(first, first + domains - 1, 0, 0));
        // clustered, not stacked: a stacked chart needs c:overlap, which poi-ooxml-lite's schemas do not include
        XDDFBarChartData bars = bars(chart, BarGrouping.CLUSTERED);
        String[][] lights = {{"green", "绿灯"}, {"yellow", "黄灯"}, {"red", "红灯"}, {"grey", "灰灯"}};
        for (int i = 0; i < lights.length; i++) {
            XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(domainSheet,
                    new CellRangeAddress(first, first + domains - 1, 3 + i, 3 + i));
            XDDFChartData.Series series = bars.addSeries(names, counts);
            series.setTitle(lights[i][1], null);
            series.setFillProperties(fill(LIGHT_COLOURS.get(lights[i][0])));
        }
        chart.plot(bars);
    }

    /** One indicator across towns (the one with the most towns), from the 镇街对比 sheet's rows. */
    private static void townChart(XSSFSheet sheet, ReportData data) {
        String indicator = data.townChartIndicator();
        if (indicator == null) {
            return;
        }
        List<Map<String, Object>> rows = data.rows("镇街对比");
        int first = -1;
        int last = -1;
        String name = "";
        for (int i = 0; i < rows.size(); i++) {
            if (indicator.equals(rows.get(i).get("indicator_code"))) {
                first = first < 0 ? i : first;
                last = i;
                name = (String) rows.get(i).get("indicator_name");
            }
        }
        int offset = TITLE_ROWS + 1;
        XSSFChart chart = chartBelow(sheet, offset + rows.size(), 10, "镇街对比：" + name);
        XDDFDataSource<String> towns = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(offset + first, offset + last, 3, 3));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(offset + first, offset + last, 4, 4));
        XDDFBarChartData bars = bars(chart, BarGrouping.CLUSTERED);
        XDDFChartData.Series series = bars.addSeries(towns, values);
        series.setTitle(name, null);
        series.setFillProperties(fill("5B9BD5"));
        chart.plot(bars);
    }

    /**
     * A chart of {@code columns} columns and {@link #CHART_ROWS} rows below the table that ends before
     * {@code tableEnd}: when the table is longer than a page, a manual page break before the chart, so the chart
     * starts a page of its own and no page break cuts it.
     */
    private static XSSFChart chartBelow(XSSFSheet sheet, int tableEnd, int columns, String title) {
        int start = tableEnd + 1;
        if (tableEnd > ROWS_WITH_CHART) {
            PrintLayout.breakAfter(sheet, tableEnd);
            start = tableEnd + 1;
        }
        return chart(sheet, 0, start, columns, start + CHART_ROWS, title);
    }

    private static XSSFChart chart(XSSFSheet sheet, int col1, int row1, int col2, int row2, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private static XDDFBarChartData bars(XSSFChart chart, BarGrouping grouping) {
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        bars.setBarDirection(BarDirection.COL);
        bars.setBarGrouping(grouping);
        bars.setVaryColors(false);
        return bars;
    }

    private static XDDFSolidFillProperties fill(String rgb) {
        return new XDDFSolidFillProperties(XDDFColor.from(hex(rgb)));
    }

    private static byte[] hex(String rgb) {
        return new byte[] {(byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
                (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle body;
        final CellStyle wrapped;
        final CellStyle note;
        final Map<ReportSection.Kind, CellStyle> numbers = new EnumMap<>(ReportSection.Kind.class);
        final Map<String, CellStyle> lights = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            header = bordered(wb);
            header.setFont(bold);
            header.setFillForegroundColor(new XSSFColor(hex("DDEBF7"), null));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            body = bordered(wb);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = bordered(wb);
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            note = wb.createCellStyle();
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            numbers.put(ReportSection.Kind.NUMBER, numeric(wb, "#,##0.####"));
            numbers.put(ReportSection.Kind.SCORE, numeric(wb, "0.00"));
            numbers.put(ReportSection.Kind.PERCENT, numeric(wb, "0.0%"));
            LIGHT_COLOURS.forEach((light, rgb) -> {
                XSSFCellStyle style = bordered(wb);
                style.setFillForegroundColor(new XSSFColor(hex(rgb), null));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                lights.put(light, style);
            });
        }

        private static XSSFCellStyle bordered(XSSFWorkbook wb) {
            XSSFCellStyle style = wb.createCellStyle();
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }

        private static CellStyle numeric(XSSFWorkbook wb, String format) {
            XSSFCellStyle style = bordered(wb);
            style.setDataFormat(wb.createDataFormat().getFormat(format));
            return style;
        }
    }
}
