package com.qiyouxiang.intake.spreadsheet;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads one sheet row by row as its template says: it tells the kinds of rows apart and hands each to its reader
 * ({@link MetaRowReader} for the reporting details, {@link HeaderResolver} for the header, {@link TownRowReader} or
 * {@link IndicatorRowReader} for a data row by the layout), fills merged-down cells (option {@code fill-down}).
 * Before the header: title rows (the period is read from them), 填报单位/填报日期/填报人 rows, blanks. The header
 * (one or more rows). Then the table: data rows, blank rows, the 合计/全市 row (the bureau's own city figure), and
 * from the first 注/说明 row on, footnotes. Every row is counted.
 */
final class SheetParser implements Consumer<RawRow> {

    private enum State { BEFORE_HEADER, HEADER, TABLE, FOOTNOTES }

    private static final Pattern TEXT_DATE = Pattern.compile("(20\\d{2})[年./-](\\d{1,2})[月./-](\\d{1,2})日?");

    private final SourceMapping mapping;
    private final SourceMapping.Options options;
    private final ReferenceData reference;
    private final String sheet;
    private final FileLoad load;
    private final FileFacts facts;
    private final MetaRowReader metaReader;
    private final RowContext rows;
    private final List<RawRow> headerRows = new ArrayList<>();
    private final Map<Integer, RawCell> filledDown = new HashMap<>();
    private final List<Integer> fillDownColumns = new ArrayList<>();
    private State state = State.BEFORE_HEADER;
    private HeaderResolver.Columns columns;
    /** The data row reader of the mapping's layout, once the header is resolved. */
    private RowReader rowReader;

    /** A layout's reader of one data row ({@link TownRowReader}, {@link IndicatorRowReader}). */
    private interface RowReader {
        void read(RawRow row) throws SQLException;
    }

    SheetParser(SourceMapping mapping, ReferenceData reference, String sheet, FileLoad load, FileFacts facts) {
        this.mapping = mapping;
        this.options = mapping.options();
        this.reference = reference;
        this.sheet = sheet;
        this.load = load;
        this.facts = facts;
        this.rows = new RowContext(mapping, reference, sheet, load, facts);
        this.metaReader = new MetaRowReader(options.metaMarkers(), options.metaQualifiers());
    }

    @Override
    public void accept(RawRow row) {
        try {
            handle(row);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Called after the last row: a sheet without its header does not fit the template. */
    void finish() {
        if (columns == null) {
            throw new NotRecognisedException("工作表“" + sheet + "”中未找到表头“" + options.headerMarker() + "”，与模板“"
                    + mapping.id() + "”不符", "no row has a cell starting with option 'header-marker' (" + options.headerMarker() + ")");
        }
    }

    private void handle(RawRow row) throws SQLException {
        switch (state) {
            case BEFORE_HEADER -> {
                if (row.isBlank()) {
                    load.ignored(sheet, row.rowNumber(), "blank");
                } else if (isHeaderStart(row)) {
                    load.ignored(sheet, row.rowNumber(), "header");
                    headerRows.add(row);
                    if (options.headerRows() <= 1) {
                        resolveColumns();
                    } else {
                        state = State.HEADER;
                    }
                } else if (meta(row)) {
                    load.ignored(sheet, row.rowNumber(), "meta");
                } else {
                    load.ignored(sheet, row.rowNumber(), "title");
                    String period = PeriodParser.parse(row.text());
                    if (facts.period == null && period != null && options.periodFrom().contains("title")) {
                        facts.period = period;
                    }
                }
            }
            case HEADER -> {
                load.ignored(sheet, row.rowNumber(), "header");
                headerRows.add(row);
                if (headerRows.size() >= options.headerRows()) {
                    resolveColumns();
                }
            }
            case TABLE -> {
                if (row.isBlank()) {
                    load.ignored(sheet, row.rowNumber(), "blank");
                } else if (startsWithAny(row, options.footnoteMarkers())) {
                    load.ignored(sheet, row.rowNumber(), "footnote");
                    state = State.FOOTNOTES;
                } else if (meta(row)) {
                    load.ignored(sheet, row.rowNumber(), "meta");
                } else {
                    data(fillDown(row));
                }
            }
            case FOOTNOTES -> load.ignored(sheet, row.rowNumber(), row.isBlank() ? "blank" : "footnote");
        }
    }

    private boolean isHeaderStart(RawRow row) {
        String marker = options.headerMarker();
        return row.cells().stream().anyMatch(c -> c.kind() == RawCell.Kind.TEXT
                && TextNormalizer.normalize(c.text()).startsWith(marker));
    }

    private static boolean startsWithAny(RawRow row, List<String> markers) {
        for (RawCell c : row.cells()) {
            if (c.isBlankText()) {
                continue;
            }
            String t = TextNormalizer.normalize(c.display());
            return markers.stream().anyMatch(t::startsWith);
        }
        return false;
    }

    // ---- 填报单位 / 填报日期 / 填报人 ------------------------------------------------------------

    private boolean meta(RawRow row) {
        List<MetaRowReader.Meta> details = metaReader.read(row);
        for (MetaRowReader.Meta m : details) {
            metaValue(m.marker(), m.written(metaReader), m.valueCell());
        }
        return !details.isEmpty();
    }

    private void metaValue(String marker, String written, RawCell valueCell) {
        String value = written;
        if (marker.contains("单位")) {
            if (written.isEmpty()) {
                return;
            }
            facts.bureauWritten = written;
            String code = reference.bureau(written);
            if (code == null) {
                throw new NotRecognisedException("填报单位“" + written + "”无法识别，请填写标准单位名称（如“诸暨市卫生健康局”）",
                        "the 填报单位 cell reads '" + written + "' after removing the qualifiers of option 'meta-qualifiers' "
                                + metaQualifiers() + "; if that is the bureau's name, add it as an alias in bureaus.csv (dim_bureau_alias)"
                                + ", or add the qualifier it carries to 'meta-qualifiers', or the marker before it to 'meta-markers'");
            }
            if (facts.bureauCode != null && !facts.bureauCode.equals(code)) {
                throw new NotRecognisedException("填报单位“" + written + "”与模板“" + mapping.id() + "”所属单位不符",
                        "the 填报单位 '" + written + "' is bureau " + code + ", the template's 'bureau' is " + facts.bureauCode);
            }
        } else if (marker.contains("日期")) {
            // value: the text after the marker (a date typed in the same cell) or '' (the date in the next cell)
            facts.reportDate = date(value, valueCell);
        } else if (marker.contains("人")) {
            facts.reporter = valueCell != null ? valueCell.display() : value;
        }
    }

    private String metaQualifiers() {
        return options.metaQualifiers().toString();
    }

    /** 填报日期 as an Excel date serial (45478) or as text (2024年7月5日, 2024-07-05, 2024/7/5). */
    static LocalDate date(String value, RawCell cell) {
        if (cell != null && cell.kind() == RawCell.Kind.NUMBER && DateUtil.isValidExcelDate(cell.number())) {
            return DateUtil.getLocalDateTime(cell.number()).toLocalDate();
        }
        String text = cell != null ? TextNormalizer.normalize(cell.display()) : value;
        Matcher m = TEXT_DATE.matcher(text);
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        if (text.matches("\\d{5}(\\.\\d+)?")) {
            return DateUtil.getLocalDateTime(Double.parseDouble(text)).toLocalDate();
        }
        return null;
    }

    // ---- header ------------------------------------------------------------------------------

    private void resolveColumns() {
        state = State.TABLE;
        HeaderResolver.Resolved resolved = new HeaderResolver(mapping, reference, sheet).resolve(headerRows);
        columns = resolved.columns();
        fillDownColumns.addAll(resolved.fillDown());
        rowReader = mapping.layout() == SourceMapping.Layout.INDICATOR_ROWS ? new IndicatorRowReader(rows, columns)::read
                : new TownRowReader(rows, columns)::read;
        load.header(sheet, resolved.lines());
    }

    private RawRow fillDown(RawRow row) {
        if (fillDownColumns.isEmpty()) {
            return row;
        }
        List<RawCell> cells = new ArrayList<>(row.cells());
        for (int col : fillDownColumns) {
            RawCell cell = row.cell(col);
            if (cell == null || cell.isBlankText()) {
                RawCell above = filledDown.get(col);
                if (above != null) {
                    cells.add(new RawCell(col, WorkbookSource.ref(col, row.rowNumber()), above.kind(), above.text(),
                            above.number(), above.percentFormat(), above.dateFormat()));
                }
            } else {
                filledDown.put(col, cell);
            }
        }
        cells.sort(java.util.Comparator.comparingInt(RawCell::column));
        return new RawRow(row.rowNumber(), cells);
    }

    // ---- data rows ---------------------------------------------------------------------------

    private void data(RawRow row) throws SQLException {
        if (facts.period == null) {
            if (facts.periodFromFileName == null) {
                throw new NotRecognisedException("未能从标题或文件名识别报告期（应写明如“2024年第二季度”或“2024年1-6月”）");
            }
            facts.period = facts.periodFromFileName;
        }
        rowReader.read(row);
    }
}
