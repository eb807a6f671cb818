package com.qiyouxiang.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
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
 * The quarterly report for the 季度调度会 as an xlsx workbook in Chinese: the first sheet 本季要点 (the
 * meeting's agenda: scores, every red and yellow indicator, issues, 催报, what cannot be judged), then one
 * sheet per report section, the lights as cell fills, and native Excel charts (POI XDDF) that read the
 * sheet cells: domain scores (on an axis from 0 to 100) and light counts by domain on 分领域评价; on 走势图,
 * each red or yellow indicator's value against its schedule line over the plan's quarters so far (data on
 * the hidden sheet 图表数据) and the towns of the indicators the meeting discusses. The report is small
 * (hundreds of rows), so the usermodel XSSFWorkbook is fine here.
 */
public final class QuarterlyReportWorkbook {

    /**
     * Each light's fill colour (RGB hex), in the order charts and legends show them: the one source for the
     * workbook's cells and charts and for the page's cells and charts ({@code templates/charts.html}).
     */
    static final Map<String, String> LIGHT_COLOURS = lightColours();

    private static Map<String, String> lightColours() {
        Map<String, String> colours = new LinkedHashMap<>();
        colours.put("green", "63BE7B");
        colours.put("yellow", "FFD966");
        colours.put("red", "F8696B");
        colours.put("grey", "BFBFBF");
        return Collections.unmodifiableMap(colours);
    }

    private static final int TITLE_ROWS = 3;
    /** A chart's height in rows below a table. */
    static final int CHART_ROWS = 16;
    /** Up to this many rows above it, a chart still fits on the table's first page. */
    private static final int ROWS_WITH_CHART = 14;
    /** The chart grid of 走势图: three across, three down per page, each this many columns and rows. */
    private static final int GRID_COLUMNS = 6;
    private static final int GRID_ROWS = 13;
    static final String AGENDA_SHEET = "本季要点";
    static final String CHART_SHEET = "走势图";
    static final String CHART_DATA_SHEET = "图表数据";

    private QuarterlyReportWorkbook() {
    }

    public static void write(ReportData data, Path target) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            writeAgenda(wb, styles, data);
            Map<String, XSSFSheet> sheets = new HashMap<>();
            for (Map.Entry<ReportSection, List<Map<String, Object>>> e : data.sections().entrySet()) {
                if (e.getKey().placement() == ReportSection.Placement.SHEET) {
                    sheets.put(e.getKey().title(), writeSheet(wb, styles, data.quarter(), e.getKey(), e.getValue()));
                } else if (e.getKey().placement() == ReportSection.Placement.TOWNS) {
                    sheets.put(e.getKey().title(), writeTownSheet(wb, styles, data.quarter(), e.getKey(), TownPivot.of(e.getValue())));
                }
            }
            int domains = data.rows("分领域评价").size();
            if (domains > 0) {
                XSSFSheet domainSheet = sheets.get("分领域评价");
                domainScoreChart(domainSheet, domains);
                lightCountChart(domainSheet, domains);
            }
            chartSheet(wb, data, sheets.get("镇街对比"), TownPivot.of(data.rows("镇街对比")));
            // the chart sheet after the domains: the agenda, the domains, the charts, then the tables
            wb.setSheetOrder(CHART_SHEET, 2);
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
    }

    /** 本季要点: the parts of {@link ReportSection#agenda()} one below the other on one printed page. */
    private static void writeAgenda(XSSFWorkbook wb, Styles styles, ReportData data) {
        XSSFSheet sheet = wb.createSheet(AGENDA_SHEET);
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue("七优享 " + PrintLayout.periodZh(data.quarter()) + " 季度调度会要点");
        title.setCellStyle(styles.title);
        PrintLayout.Widths widths = new PrintLayout.Widths(6, 24);
        int span = data.agenda().keySet().stream().mapToInt(s -> s.columns().size()).max().orElse(1);
        int r = 2;
        List<int[]> spans = new ArrayList<>();
        for (Map.Entry<ReportSection, List<Map<String, Object>>> e : data.agenda().entrySet()) {
            Cell part = sheet.createRow(r++).createCell(0);
            part.setCellValue(e.getKey().title());
            part.setCellStyle(styles.part);
            Cell note = sheet.createRow(r).createCell(0);
            note.setCellValue(e.getKey().note());
            note.setCellStyle(styles.small);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, span - 1));
            r++;
            int first = r + 1;
            r = writeTable(sheet, styles, e.getKey(), e.getValue(), r, widths);
            int last = e.getKey().columns().size() - 1;
            if (last < span - 1) {
                // the last column of a narrower part runs to the right edge of the page's widest part
                for (int row = first - 1; row < r; row++) {
                    if (sheet.getRow(row) != null && sheet.getRow(row).getCell(last) != null) {
                        sheet.addMergedRegion(new CellRangeAddress(row, row, last, span - 1));
                        spans.add(new int[] {row, last});
                    }
                }
            }
            r++;
        }
        widths.apply(sheet);
        fitWrappedRows(sheet, styles, 2);
        int total = 0;
        for (int i = 0; i < span; i++) {
            total += sheet.getColumnWidth(i) / 256;
        }
        for (int[] merged : spans) {
            int spanWidth = 0;
            for (int i = merged[1]; i < span; i++) {
                spanWidth += sheet.getColumnWidth(i) / 256;
            }
            Cell cell = sheet.getRow(merged[0]).getCell(merged[1]);
            if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                continue;
            }
            // a CJK character prints about 1.6 Latin widths in the report font, not the 2 that fit the widths
            int lines = (PrintLayout.displayWidth(cell.getStringCellValue()) * 4 / 5 + spanWidth - 1) / Math.max(spanWidth, 1);
            if (lines > 1) {
                cell.setCellStyle(styles.wrapped);
                sheet.getRow(merged[0]).setHeightInPoints((lines + 1) * 14f);
            }
        }
        // the agenda is one page: portrait, fitted to one page wide and one page high
        PrintLayout.apply(sheet, false, -1, "七优享季度调度报告·" + AGENDA_SHEET, PrintLayout.periodZh(data.quarter()));
        sheet.getPrintSetup().setFitHeight((short) 1);
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
        List<ReportSection.Column> columns = section.columns();
        // headers wrap, so they count only up to 8 wide; long texts wrap at 40 (问题, 催报说明 at 50)
        PrintLayout.Widths widths = new PrintLayout.Widths(6, 40);
        writeTable(sheet, styles, section, rows, TITLE_ROWS, widths);
        Map<Integer, Integer> caps = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals("message_zh")) {
                // the 催报 messages on one line each (they fit at 70 on a landscape page: 3 pages became 2)
                caps.put(i, section.title().equals("数据完整性") ? 70 : 50);
            }
        }
        widths.apply(sheet, caps);
        fitWrappedRows(sheet, styles, TITLE_ROWS + 1);
        int total = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (!sheet.isColumnHidden(i)) {
                total += sheet.getColumnWidth(i) / 256;
            }
        }
        // the note spans the table, wrapped, so nothing prints beyond the last column
        if (columns.size() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.size() - 1));
        }
        int lines = (PrintLayout.displayWidth(section.note()) + total - 1) / Math.max(total, 1);
        sheet.getRow(1).setHeightInPoints(Math.max(1, lines) * 16f);
        // A4 portrait holds about 95 character widths at a readable scale; wider tables print landscape
        PrintLayout.apply(sheet, total > 95, TITLE_ROWS, "七优享季度调度报告·" + section.title(), PrintLayout.periodZh(quarter));
        return sheet;
    }

    /**
     * The height of each row with wrapped cells, from the widths the columns were given: LibreOffice keeps the
     * default height of a row written without one and cuts the text. A CJK character prints about 1.6 Latin widths.
     */
    private static void fitWrappedRows(XSSFSheet sheet, Styles styles, int firstRow) {
        for (int r = firstRow; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int lines = 1;
            for (Cell cell : row) {
                // (XSSF hands out a new style object per call: compare what the style does, not its identity)
                if (cell.getCellStyle().getWrapText() && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && !isMerged(sheet, cell)) {
                    int width = Math.max(1, sheet.getColumnWidth(cell.getColumnIndex()) / 256 - 1);
                    lines = Math.max(lines, (PrintLayout.displayWidth(cell.getStringCellValue()) * 4 / 5 + width - 1) / width);
                }
            }
            if (lines > 1) {
                row.setHeightInPoints(lines * 15f);
            }
        }
    }

    private static boolean isMerged(XSSFSheet sheet, Cell cell) {
        return sheet.getMergedRegions().stream().anyMatch(m -> m.isInRange(cell.getRowIndex(), cell.getColumnIndex()));
    }

    /**
     * A section's table from row {@code headerRow}: the header, the rows (or 本季度无记录); returns the row after
     * it. A HIDDEN column is written and hidden (the clerk may filter on it; it does not print).
     */
    private static int writeTable(XSSFSheet sheet, Styles styles, ReportSection section, List<Map<String, Object>> rows,
                                  int headerRow, PrintLayout.Widths widths) {
        Row header = sheet.getRow(headerRow) != null ? sheet.getRow(headerRow) : sheet.createRow(headerRow);
        List<ReportSection.Column> columns = section.columns();
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(styles.header);
            widths.see(i, columns.get(i).header().length() > 4 ? "八个字宽" : columns.get(i).header());
            if (columns.get(i).kind() == ReportSection.Kind.HIDDEN) {
                sheet.setColumnHidden(i, true);
            }
        }
        int r = headerRow + 1;
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
                    case TEXT, HIDDEN -> {
                        String text = value == null ? "" : value.toString();
                        SafeText.cell(cell, text);
                        cell.setCellStyle(widths.wraps(text) ? styles.wrapped : styles.body);

                        if (col.kind() == ReportSection.Kind.TEXT) {
                            widths.see(i, text);
                        }
                    }
                    case VALUE -> {
                        int decimals = ReportData.decimals(row);
                        if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            widths.see(i, QuarterlyReportHtml.value(value, decimals));
                        }
                        cell.setCellStyle(styles.values.get(Math.max(0, Math.min(decimals, 3))));
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
            sheet.createRow(r++).createCell(0).setCellValue("（本季度无记录）");
        }
        return r;
    }

    /**
     * 镇街对比 by town: a row per town, for each discussed indicator its value and rank (two header rows, both
     * repeated on every page), the city's value and the coefficient of variation below.
     */
    private static XSSFSheet writeTownSheet(XSSFWorkbook wb, Styles styles, String quarter, ReportSection section, TownPivot pivot) {
        XSSFSheet sheet = wb.createSheet(section.title());
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue("七优享 " + PrintLayout.periodZh(quarter) + " " + section.title());
        title.setCellStyle(styles.title);
        Cell note = sheet.createRow(1).createCell(0);
        note.setCellValue(section.note());
        note.setCellStyle(styles.note);
        int last = Math.max(1, pivot.indicators().size() * 2);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
        sheet.getRow(1).setHeightInPoints(32f);
        Row names = sheet.createRow(TITLE_ROWS);
        Row kinds = sheet.createRow(TITLE_ROWS + 1);
        names.setHeightInPoints(46f);
        for (int c = 0; c <= last; c++) {
            names.createCell(c).setCellStyle(styles.header);
            kinds.createCell(c).setCellStyle(styles.header);
        }
        names.getCell(0).setCellValue("镇街");
        sheet.addMergedRegion(new CellRangeAddress(TITLE_ROWS, TITLE_ROWS + 1, 0, 0));
        sheet.setColumnWidth(0, 12 * 256);
        for (int k = 0; k < pivot.indicators().size(); k++) {
            TownPivot.Indicator indicator = pivot.indicators().get(k);
            names.getCell(1 + 2 * k).setCellValue(indicator.header());
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROWS, TITLE_ROWS, 1 + 2 * k, 2 + 2 * k));
            kinds.getCell(1 + 2 * k).setCellValue("数值");
            kinds.getCell(2 + 2 * k).setCellValue("排名");
            sheet.setColumnWidth(1 + 2 * k, 11 * 256);
            sheet.setColumnWidth(2 + 2 * k, 6 * 256);
        }
        int r = TITLE_ROWS + 2;
        for (String town : pivot.towns()) {
            Row x = sheet.createRow(r++);
            Cell name = x.createCell(0);
            name.setCellValue(town);
            name.setCellStyle(styles.body);
            for (int k = 0; k < pivot.indicators().size(); k++) {
                TownPivot.Indicator indicator = pivot.indicators().get(k);
                Cell v = x.createCell(1 + 2 * k);
                Cell rank = x.createCell(2 + 2 * k);
                v.setCellStyle(styles.values.get(Math.max(0, Math.min(indicator.decimals(), 3))));
                rank.setCellStyle(styles.numbers.get(ReportSection.Kind.NUMBER));
                if (indicator.values().containsKey(town)) {
                    v.setCellValue(indicator.values().get(town));
                }
                if (indicator.ranks().containsKey(town)) {
                    rank.setCellValue(indicator.ranks().get(town));
                }
            }
        }
        String[] footers = {"全市", "变异系数"};
        for (int f = 0; f < footers.length; f++) {
            Row x = sheet.createRow(r++);
            Cell name = x.createCell(0);
            name.setCellValue(footers[f]);
            name.setCellStyle(styles.header);
            for (int k = 0; k < pivot.indicators().size(); k++) {
                TownPivot.Indicator indicator = pivot.indicators().get(k);
                Cell v = x.createCell(1 + 2 * k);
                x.createCell(2 + 2 * k).setCellStyle(styles.body);
                Double figure = f == 0 ? indicator.city() : indicator.cv();
                v.setCellStyle(f == 0 ? styles.values.get(Math.max(0, Math.min(indicator.decimals(), 3))) : styles.values.get(3));
                if (figure != null) {
                    v.setCellValue(figure);
                }
            }
        }
        if (pivot.indicators().isEmpty()) {
            sheet.createRow(r).createCell(0).setCellValue("（本季度无红灯、黄灯指标的镇街数据）");
        }
        PrintLayout.apply(sheet, pivot.indicators().size() > 5, TITLE_ROWS + 1, "七优享季度调度报告·" + section.title(),
                PrintLayout.periodZh(quarter));
        sheet.setRepeatingRows(new CellRangeAddress(TITLE_ROWS, TITLE_ROWS + 1, -1, -1));
        return sheet;
    }

    /** Domain scores: a column chart over 分领域评价's 领域 (col A) and 领域得分 (col I), below the table, from 0. */
    private static void domainScoreChart(XSSFSheet sheet, int domains) {
        int first = TITLE_ROWS + 1;
        XSSFChart chart = chartBelow(sheet, first + domains, 9, "分领域得分（满分100）");
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, first + domains - 1, 0, 0));
        XDDFNumericalDataSource<Double> scores = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, first + domains - 1, 8, 8));
        XDDFBarChartData bars = bars(chart, BarGrouping.CLUSTERED);
        // from 0: equal lengths for equal scores (an axis from 94 made 96 look like a collapse next to 99.7)
        bars.getValueAxes().get(0).setMinimum(0);
        bars.getValueAxes().get(0).setMaximum(100);
        XDDFChartData.Series series = bars.addSeries(names, scores);
        series.setTitle("领域得分", null);
        series.setFillProperties(fill("4472C4"));
        chart.plot(bars);
    }

    /** Light counts by domain, one column per light, reading 分领域评价's columns D-G, below the score chart. */
    private static void lightCountChart(XSSFSheet sheet, int domains) {
        int first = TITLE_ROWS + 1;
        int start = first + domains + 2 + CHART_ROWS;
        XSSFChart chart = chart(sheet, 0, start, 9, start + CHART_ROWS, "各领域指标亮灯情况");
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(first, first + domains - 1, 0, 0));
        // clustered, not stacked: a stacked chart needs c:overlap, which poi-ooxml-lite's schemas do not include
        XDDFBarChartData bars = bars(chart, BarGrouping.CLUSTERED);
        int column = 3;   // D-G: green, yellow, red, grey, the order of LIGHT_COLOURS
        for (Map.Entry<String, String> light : LIGHT_COLOURS.entrySet()) {
            XDDFNumericalDataSource<Double> counts = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(first, first + domains - 1, column, column));
            XDDFChartData.Series series = bars.addSeries(names, counts);
            series.setTitle(ReportData.lightZh(light.getKey()), null);
            series.setFillProperties(fill(light.getValue()));
            column++;
        }
        chart.plot(bars);
    }

    /**
     * 走势图: a grid of small charts, three across and three down per page (a page break after every third row of
     * charts, so none is cut): each red or yellow indicator's value and schedule line by quarter (from the hidden
     * sheet 图表数据), then each discussed indicator across the towns (from the 镇街对比 sheet), towns named.
     */
    private static void chartSheet(XSSFWorkbook wb, ReportData data, XSSFSheet townSheet, TownPivot pivot) {
        XSSFSheet sheet = wb.createSheet(CHART_SHEET);
        XSSFSheet dataSheet = wb.createSheet(CHART_DATA_SHEET);
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue("七优享 " + PrintLayout.periodZh(data.quarter()) + " 红黄灯指标走势和镇街对比");
        for (int i = 0; i < GRID_COLUMNS * 3; i++) {
            sheet.setColumnWidth(i, 8 * 256);
        }
        int[] slot = {0};
        // the trend data: one block of rows per indicator (季度, 指标值, 时序进度目标)
        List<Map<String, Object>> trends = data.rows("红黄灯指标走势");
        List<String> codes = new ArrayList<>();
        trends.forEach(r -> { if (!codes.contains((String) r.get("indicator_code"))) { codes.add((String) r.get("indicator_code")); } });
        int dr = 0;
        for (String code : codes) {
            List<Map<String, Object>> rows = data.rowsOf("红黄灯指标走势", code);
            String name = (String) rows.get(0).get("indicator_name");
            Row head = dataSheet.createRow(dr++);
            head.createCell(0).setCellValue(name);
            head.createCell(1).setCellValue("指标值");
            head.createCell(2).setCellValue("时序进度目标");
            int first = dr;
            for (Map<String, Object> r : rows) {
                Row x = dataSheet.createRow(dr++);
                x.createCell(0).setCellValue((String) r.get("quarter_short"));
                if (r.get("value") instanceof Number n) {
                    x.createCell(1).setCellValue(n.doubleValue());
                }
                if (r.get("schedule_target") instanceof Number n) {
                    x.createCell(2).setCellValue(n.doubleValue());
                }
            }
            int last = dr - 1;
            dr++;
            String unit = rows.get(0).get("unit") == null ? "" : "（" + rows.get(0).get("unit") + "）";
            XSSFChart chart = gridChart(sheet, slot[0]++, name + unit);
            XDDFDataSource<String> quarters = XDDFDataSourcesFactory.fromStringCellRange(dataSheet,
                    new CellRangeAddress(first, last, 0, 0));
            XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
            left.setCrosses(AxisCrosses.MIN);
            // the axis around the figures (not from 0): the gap between value and schedule line is what matters here
            double[] range = range(rows);
            if (range != null) {
                left.setMinimum(range[0]);
                left.setMaximum(range[1]);
            }
            XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
            lines.setVaryColors(false);
            XDDFLineChartData.Series value = (XDDFLineChartData.Series) lines.addSeries(quarters,
                    XDDFDataSourcesFactory.fromNumericCellRange(dataSheet, new CellRangeAddress(first, last, 1, 1)));
            value.setTitle("指标值", null);
            value.setMarkerStyle(MarkerStyle.CIRCLE);
            value.setLineProperties(line("4472C4", false));
            XDDFLineChartData.Series schedule = (XDDFLineChartData.Series) lines.addSeries(quarters,
                    XDDFDataSourcesFactory.fromNumericCellRange(dataSheet, new CellRangeAddress(first, last, 2, 2)));
            schedule.setTitle("时序进度目标", null);
            schedule.setMarkerStyle(MarkerStyle.NONE);
            schedule.setLineProperties(line("C00000", true));
            chart.plot(lines);
        }
        // the towns of each discussed indicator, from the 镇街对比 sheet (towns in column A, values in B, D, F ...)
        int firstTown = TITLE_ROWS + 2;
        int lastTown = firstTown + pivot.towns().size() - 1;
        for (int k = 0; k < pivot.indicators().size(); k++) {
            TownPivot.Indicator indicator = pivot.indicators().get(k);
            XSSFChart chart = gridChart(sheet, slot[0]++, "镇街对比：" + indicator.name());
            XDDFBarChartData bars = bars(chart, BarGrouping.CLUSTERED);
            XDDFChartData.Series series = bars.addSeries(
                    XDDFDataSourcesFactory.fromStringCellRange(townSheet, new CellRangeAddress(firstTown, lastTown, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(townSheet, new CellRangeAddress(firstTown, lastTown, 1 + 2 * k, 1 + 2 * k)));
            series.setTitle(indicator.name(), null);
            series.setFillProperties(fill("5B9BD5"));
            chart.plot(bars);
        }
        wb.setSheetHidden(wb.getSheetIndex(dataSheet), true);
        if (slot[0] == 0) {
            sheet.createRow(2).createCell(0).setCellValue("（本季度无红灯、黄灯指标）");
        }
        PrintLayout.apply(sheet, true, -1, "七优享季度调度报告·" + CHART_SHEET, PrintLayout.periodZh(data.quarter()));
    }

    /** A readable axis range around the values and schedule targets of the rows: a tenth of the span either side, rounded. */
    static double[] range(List<Map<String, Object>> rows) {
        double[] extent = ReportData.trendExtent(rows);
        if (extent == null) {
            return null;
        }
        double min = extent[0];
        double max = extent[1];
        double span = Math.max(max - min, Math.abs(max) * 0.02 + 1e-6);
        double step = Math.pow(10, Math.floor(Math.log10(span / 2)));
        double low = Math.floor((min - span * 0.1) / step) * step;
        double high = Math.ceil((max + span * 0.1) / step) * step;
        return new double[] {min >= 0 ? Math.max(0, low) : low, high};
    }

    /** The chart in grid slot {@code n}: three across; a page break after every third row of charts. */
    private static XSSFChart gridChart(XSSFSheet sheet, int n, String title) {
        int gridRow = n / 3;
        int row1 = 2 + gridRow * GRID_ROWS;
        int col1 = (n % 3) * GRID_COLUMNS;
        if (n % 9 == 0 && n > 0) {
            PrintLayout.breakAfter(sheet, row1 - 1);
        }
        XSSFChart chart = chart(sheet, col1, row1, col1 + GRID_COLUMNS, row1 + GRID_ROWS, title);
        return chart;
    }

    private static XDDFLineProperties line(String rgb, boolean dashed) {
        XDDFLineProperties line = new XDDFLineProperties(fill(rgb));
        line.setWidth(dashed ? 1.5 : 2.0);
        if (dashed) {
            line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        }
        return line;
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
        final CellStyle part;
        final CellStyle small;
        final Map<Integer, CellStyle> values = new HashMap<>();
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
            numbers.put(ReportSection.Kind.NUMBER, numeric(wb, "General"));
            numbers.put(ReportSection.Kind.SCORE, numeric(wb, "0.00"));
            numbers.put(ReportSection.Kind.PERCENT, numeric(wb, "0.0%"));
            numbers.put(ReportSection.Kind.SIGNED, numeric(wb, "+0.00;-0.00;0.00"));
            String[] formats = {"#,##0", "#,##0.0", "#,##0.00", "#,##0.000"};
            for (int d = 0; d < formats.length; d++) {
                values.put(d, numeric(wb, formats[d]));
            }
            Font partFont = wb.createFont();
            partFont.setBold(true);
            partFont.setFontHeightInPoints((short) 12);
            part = wb.createCellStyle();
            part.setFont(partFont);
            Font grey = wb.createFont();
            grey.setFontHeightInPoints((short) 9);
            grey.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
            small = wb.createCellStyle();
            small.setFont(grey);
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
