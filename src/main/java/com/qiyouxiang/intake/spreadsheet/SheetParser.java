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

import com.qiyouxiang.warehouse.Observation;

/**
 * Reads one sheet row by row as its template says. Before the header: title rows (the period is
 * read from them), 填报单位/填报日期/填报人 rows, blanks. The header (one or more rows, merged cells
 * filled across). Then the table: data rows, blank rows, the 合计/全市 row (the bureau's own city
 * figure), and from the first 注/说明 row on, footnotes. Each data row becomes records by the
 * template's layout; every row is counted.
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
    private final CellCleaner cleaner;
    private final MetaRowReader metaReader;
    private final List<RawRow> headerRows = new ArrayList<>();
    private final Map<Integer, RawCell> filledDown = new HashMap<>();
    private final List<Integer> fillDownColumns = new ArrayList<>();
    private State state = State.BEFORE_HEADER;
    private Columns columns;

    /** Resolved column positions; -1 when the template's optional column is absent. */
    private record Columns(int label, int unit, int value, int remark, List<FigureColumns> figures) {
    }

    /**
     * @param numeratorOwn   a rate's numerator column is also a figure of its own (it rejects a bad cell, not the rate)
     * @param denominatorOwn the same for the denominator
     */
    private record FigureColumns(SourceMapping.Figure figure, ReferenceData.Indicator indicator, int column,
                                 String columnUnit, int numerator, String numeratorUnit, int denominator,
                                 String denominatorUnit, int quarter, String quarterUnit, boolean numeratorOwn,
                                 boolean denominatorOwn, String numeratorTarget, String denominatorTarget) {
    }

    /** A rate's part column that is also a figure of its own: read in that figure's unit and converted to its indicator's. */
    private record Part(String unit, String target) {
    }

    private Part part(Map<Integer, List<String>> paths, Map<Integer, String> units, int column, String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            return new Part(units.getOrDefault(column, wanted), wanted);
        }
        for (SourceMapping.Figure g : mapping.figures()) {
            if (!g.isRatio() && HeaderNames.find(paths, g.column()).column() == column) {
                ReferenceData.Indicator own = reference.indicator(g.indicator());
                String target = own == null ? null : own.unit();
                return new Part(g.unit() != null ? g.unit() : units.getOrDefault(column, target), target);
            }
        }
        return new Part(units.get(column), null);
    }

    SheetParser(SourceMapping mapping, ReferenceData reference, String sheet, FileLoad load, FileFacts facts) {
        this.mapping = mapping;
        this.options = mapping.options();
        this.reference = reference;
        this.sheet = sheet;
        this.load = load;
        this.facts = facts;
        this.cleaner = new CellCleaner(options.noValueTokens(), options.fractionInPercentColumn());
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
        Map<Integer, List<String>> paths = new HashMap<>();
        Map<Integer, String> units = new HashMap<>();
        int maxColumn = headerRows.stream().flatMap(r -> r.cells().stream()).mapToInt(RawCell::column).max().orElse(-1);
        String[] above = new String[maxColumn + 1];
        for (int level = 0; level < headerRows.size(); level++) {
            RawRow row = headerRows.get(level);
            String left = null;
            for (int col = 0; col <= maxColumn; col++) {
                RawCell cell = row.cell(col);
                String text = cell == null ? "" : cell.display();
                boolean lowerHasText = level + 1 < headerRows.size() && headerRows.get(level + 1).cell(col) != null;
                if (text.isBlank() && options.fillMergedHeader() && left != null && lowerHasText && level + 1 < headerRows.size()) {
                    text = left; // merged across
                }
                if (!text.isBlank()) {
                    left = text;
                    paths.computeIfAbsent(col, k -> new ArrayList<>()).add(TextNormalizer.label(text));
                    String unit = TextNormalizer.bracketUnit(text);
                    if (unit != null) {
                        units.put(col, unit);
                    }
                } else if (level + 1 < headerRows.size() && !lowerHasText) {
                    left = null;
                }
                above[col] = text;
            }
        }
        String headerText = String.join("|", paths.values().stream().map(p -> String.join("/", p)).toList());
        for (String required : mapping.recognise().headerText()) {
            if (!headerText.contains(TextNormalizer.label(required))) {
                throw new NotRecognisedException("工作表“" + sheet + "”的表头缺少“" + required + "”，与模板“" + mapping.id() + "”不符",
                        "header lacks the text '" + required + "' of 'recognise.header-text'; the header read: " + headerText);
            }
        }
        for (String fill : options.fillDown()) {
            fillDownColumns.add(column(paths, fill, true));
        }
        if (mapping.layout() == SourceMapping.Layout.INDICATOR_ROWS) {
            columns = new Columns(column(paths, mapping.indicatorColumn(), true), column(paths, mapping.unitColumn(), false),
                    column(paths, mapping.valueColumn(), true), column(paths, mapping.remarkColumn(), false), List.of());
            refuseIfMissing(paths);
            List<String> lines = new ArrayList<>();
            describe(lines, paths, columns.label(), "the indicator name (indicator-column)");
            describe(lines, paths, columns.unit(), "the unit (unit-column)");
            describe(lines, paths, columns.value(), "the value (value-column)");
            describe(lines, paths, columns.remark(), "the remark, a 情况说明 (remark-column)");
            load.header(sheet, lines);
            return;
        }
        List<FigureColumns> figures = new ArrayList<>();
        for (SourceMapping.Figure f : mapping.figures()) {
            ReferenceData.Indicator indicator = reference.indicator(f.indicator());
            if (indicator == null) {
                throw new IllegalStateException("Source mapping " + mapping.id() + " names unknown indicator " + f.indicator());
            }
            if (f.isRatio()) {
                int num = column(paths, f.numerator(), true);
                int den = column(paths, f.denominator(), true);
                Part n = part(paths, units, num, f.numeratorUnit());
                Part d = part(paths, units, den, f.denominatorUnit());
                figures.add(new FigureColumns(f, indicator, -1, null, num, n.unit(), den, d.unit(), -1, null,
                        ownFigure(paths, num), ownFigure(paths, den), n.target(), d.target()));
            } else {
                int col = column(paths, f.column(), true);
                String unit = f.unit() != null ? f.unit() : units.getOrDefault(col, indicator.unit());
                int quarter = f.quarterColumn() == null ? -1 : column(paths, f.quarterColumn(), false);
                String quarterUnit = quarter < 0 ? null : f.unit() != null ? f.unit() : units.getOrDefault(quarter, indicator.unit());
                figures.add(new FigureColumns(f, indicator, col, unit, -1, null, -1, null, quarter, quarterUnit, false, false,
                        null, null));
            }
        }
        columns = new Columns(column(paths, mapping.townColumn(), true), -1, -1, -1, figures);
        refuseIfMissing(paths);
        List<String> lines = new ArrayList<>();
        describe(lines, paths, columns.label(), "the town (town-column)");
        for (int i = 0; i < figures.size(); i++) {
            FigureColumns f = figures.get(i);
            String what = f.indicator().code() + " " + f.indicator().name() + " (figures[" + (i + 1) + "]";
            if (f.figure().isRatio()) {
                describe(lines, paths, f.numerator(), "numerator of " + what + ".numerator), " + partUnit(f.numeratorUnit(), f.numeratorTarget()));
                describe(lines, paths, f.denominator(), "denominator of " + what + ".denominator), " + partUnit(f.denominatorUnit(),
                        f.denominatorTarget()) + "; the rate = numerator / denominator x " + CellCleaner.round(f.figure().scale()) + " "
                        + f.indicator().unit());
            } else {
                describe(lines, paths, f.column(), what + ".column), " + conversion(f.columnUnit(), f.indicator().unit())
                        + (f.figure().scale() == 1 ? "" : ", x " + CellCleaner.round(f.figure().scale()))
                        + (f.figure().period() == SourceMapping.FigurePeriod.FILE ? "" : ", period " + f.figure().period().key()));
                describe(lines, paths, f.quarter(), "the quarter's own figure of " + what + ".quarter-column), "
                        + conversion(f.quarterUnit(), f.indicator().unit()));
            }
        }
        load.header(sheet, lines);
    }

    /** True when a plain figure of the mapping reads this column (a rate's part that is a figure of its own). */
    private boolean ownFigure(Map<Integer, List<String>> paths, int column) {
        return mapping.figures().stream().anyMatch(g -> !g.isRatio() && HeaderNames.find(paths, g.column()).column() == column);
    }

    /** One resolved column, for the dry run: {@code C 托位数/总数 -> what}. */
    private static void describe(List<String> lines, Map<Integer, List<String>> paths, int column, String what) {
        if (column >= 0) {
            lines.add(WorkbookSource.ref(column, 1).replace("1", "") + " " + String.join("/", paths.get(column)) + " -> " + what);
        }
    }

    private static String partUnit(String written, String target) {
        return target != null ? conversion(written, target) : written == null ? "as written" : "unit " + written;
    }

    private static String conversion(String written, String canonical) {
        if (written == null || written.equals(canonical) || canonical == null || canonical.isEmpty()) {
            return "unit " + (written == null || written.isEmpty() ? canonical : written);
        }
        Double factor = Units.factor(written, canonical);
        return "written in " + written + ", loaded in " + canonical + (factor == null ? " (no conversion: every cell rejected)" : " (x " + CellCleaner.round(factor) + ")");
    }

    /**
     * The column of a spec (alternatives, {期间}: {@link HeaderNames}); a required one missing or ambiguous is noted, and
     * {@link #refuseIfMissing} refuses the sheet naming every one of them at once.
     */
    private int column(Map<Integer, List<String>> paths, String spec, boolean required) {
        HeaderNames.Found found = HeaderNames.find(paths, spec);
        if (found.column() >= 0 || !required) {
            if (found.column() >= 0) {
                used.add(found.column());
            }
            return found.column();
        }
        Missing m = new Missing(spec, found.candidates() > 0);
        if (!missing.contains(m)) {
            missing.add(m);
        }
        return -1;
    }

    private record Missing(String spec, boolean ambiguous) {
    }

    private final List<Missing> missing = new ArrayList<>();
    private final java.util.Set<Integer> used = new java.util.HashSet<>();

    /**
     * The header does not have the template's layout: the bureau reads the missing columns; the clerk, for each, the
     * mapping key that names it, the header as read and the columns the mapping does not read (the difference).
     */
    private void refuseIfMissing(Map<Integer, List<String>> paths) {
        if (missing.isEmpty()) {
            return;
        }
        List<String> zh = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (Missing m : missing) {
            zh.add("“" + String.join("”或“", HeaderNames.alternatives(m.spec())) + "”");
            hints.add((m.ambiguous() ? "several columns '" : "no column '") + m.spec() + "' (" + optionOf(m.spec()) + ")");
        }
        List<String> unread = paths.entrySet().stream().filter(e -> !used.contains(e.getKey()))
                .map(e -> String.join("/", e.getValue())).toList();
        boolean ambiguous = missing.stream().allMatch(Missing::ambiguous);
        throw new NotRecognisedException("工作表“" + sheet + "”的表头" + (ambiguous ? "有多个" : "缺少") + String.join("、", zh)
                + "列，与模板“" + mapping.id() + "”不符", "header has " + String.join(", ", hints) + "; the header read: "
                + String.join(" | ", paths.values().stream().map(p -> String.join("/", p)).toList())
                + (missing.size() > 1 && !unread.isEmpty() ? "; columns the mapping does not read: " + String.join(" | ", unread)
                + " (a different layout: a new mapping, or these as alternatives)" : "")
                + "; name the column as written, or add it as an alternative (a list) or with " + HeaderNames.PLACEHOLDER + " for its period");
    }

    /** The mapping key that names a column spec, for the clerk's hint. */
    private String optionOf(String spec) {
        if (spec.equals(mapping.indicatorColumn())) {
            return "mapping key 'indicator-column'";
        }
        if (spec.equals(mapping.valueColumn())) {
            return "mapping key 'value-column'";
        }
        if (spec.equals(mapping.unitColumn())) {
            return "mapping key 'unit-column'";
        }
        if (spec.equals(mapping.townColumn())) {
            return "mapping key 'town-column'";
        }
        if (options.fillDown().contains(spec)) {
            return "option 'fill-down'";
        }
        for (int i = 0; i < mapping.figures().size(); i++) {
            SourceMapping.Figure f = mapping.figures().get(i);
            for (var e : Map.of("column", String.valueOf(f.column()), "numerator", String.valueOf(f.numerator()),
                    "denominator", String.valueOf(f.denominator()), "quarter-column", String.valueOf(f.quarterColumn())).entrySet()) {
                if (e.getValue().equals(spec)) {
                    return "figures[" + (i + 1) + "] (" + f.indicator() + ") '" + e.getKey() + "'";
                }
            }
        }
        return "the mapping";
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
        if (mapping.layout() == SourceMapping.Layout.INDICATOR_ROWS) {
            indicatorRow(row);
        } else {
            townRow(row);
        }
    }

    private void indicatorRow(RawRow row) throws SQLException {
        RawCell nameCell = row.cell(columns.label());
        if (nameCell == null || nameCell.isBlankText()) {
            RawCell any = row.cells().get(0);
            load.reject(sheet, row.rowNumber(), any.ref(), any.display(), "MISSING_INDICATOR",
                    "该行缺少指标名称，请填写指标名称或删除该行");
            return;
        }
        String code = indicatorCode(nameCell.display());
        if (code == null) {
            load.reject(sheet, row.rowNumber(), nameCell.ref(), nameCell.display(), "UNKNOWN_INDICATOR",
                    "指标“" + nameCell.display() + "”不在模板“" + mapping.id() + "”的指标清单中，请使用模板中的指标名称");
            return;
        }
        ReferenceData.Indicator indicator = reference.indicator(code);
        RawCell unitCell = columns.unit() >= 0 ? row.cell(columns.unit()) : null;
        String unit = unitCell != null && !unitCell.isBlankText() ? TextNormalizer.normalize(unitCell.display())
                : firstNonNull(TextNormalizer.bracketUnit(nameCell.display()), indicator.unit());
        RawCell valueCell = row.cell(columns.value());
        String valueRef = valueCell != null ? valueCell.ref() : WorkbookSource.ref(columns.value(), row.rowNumber());
        RawCell remarkCell = columns.remark() >= 0 ? row.cell(columns.remark()) : null;
        String remark = remarkCell == null ? null : remarkCell.display();
        CellValue v = cleaner.clean(valueCell, unit, indicator.unit());
        figure(indicator, SourceMapping.FigurePeriod.FILE, ReferenceData.CITY, true, v, null, null, row.rowNumber(), valueRef,
                valueCell == null ? "" : valueCell.display(), remark, null);
    }

    private String indicatorCode(String written) {
        String label = TextNormalizer.label(written);
        for (var e : mapping.indicators().entrySet()) {
            if (e.getValue().contains(label)) {
                return e.getKey();
            }
        }
        for (String code : mapping.indicators().keySet()) {
            ReferenceData.Indicator i = reference.indicator(code);
            if (i != null && TextNormalizer.label(i.name()).equals(label)) {
                return code;
            }
        }
        return null;
    }

    private void townRow(RawRow row) throws SQLException {
        RawCell labelCell = row.cell(columns.label());
        String label = labelCell == null ? "" : TextNormalizer.normalize(labelCell.display());
        String town;
        boolean total = options.totalRowLabels().contains(label);
        if (total) {
            town = ReferenceData.CITY;
        } else if (label.isEmpty()) {
            RawCell any = row.cells().get(0);
            load.reject(sheet, row.rowNumber(), WorkbookSource.ref(columns.label(), row.rowNumber()), any.display(),
                    "MISSING_TOWN", "该行有数据但未填写镇街名称，请补填镇街名称（如“暨阳街道”）或删除该行");
            return;
        } else {
            town = reference.town(label);
            if (town == null) {
                load.reject(sheet, row.rowNumber(), labelCell.ref(), labelCell.display(), "UNKNOWN_TOWN",
                        "无法识别镇街名称“" + labelCell.display() + "”，请使用标准名称，如“暨阳街道”或“暨阳”");
                return;
            }
        }
        for (FigureColumns f : columns.figures()) {
            ReferenceData.Indicator indicator = f.indicator();
            if (!f.figure().isRatio()) {
                RawCell cell = row.cell(f.column());
                CellValue v = cleaner.clean(cell, f.columnUnit(), indicator.unit());
                Double quarterValue = null;
                if (f.quarter() >= 0 && v instanceof CellValue.Figure) {
                    // the 本季 cell belongs to the cumulative figure, as a denominator to its rate
                    RawCell q = row.cell(f.quarter());
                    CellValue qv = cleaner.clean(q, f.quarterUnit(), indicator.unit());
                    if (qv instanceof CellValue.Problem p) {
                        load.reject(sheet, row.rowNumber(), q.ref(), q.display(), p.reasonCode(), p.messageZh());
                        continue;
                    }
                    quarterValue = qv instanceof CellValue.Figure qf ? qf.value() : null;
                }
                if (f.figure().scale() != 1 && v instanceof CellValue.Figure scaled) {
                    v = new CellValue.Figure(CellCleaner.round(scaled.value() * f.figure().scale()));
                }
                figure(indicator, f.figure().period(), town, total, v, null, null, row.rowNumber(),
                        cell != null ? cell.ref() : WorkbookSource.ref(f.column(), row.rowNumber()),
                        cell == null ? "" : cell.display(), null, quarterValue);
                continue;
            }
            RawCell numCell = row.cell(f.numerator());
            RawCell denCell = row.cell(f.denominator());
            String numRef = WorkbookSource.ref(f.numerator(), row.rowNumber());
            String denRef = WorkbookSource.ref(f.denominator(), row.rowNumber());
            CellValue num = cleaner.clean(numCell, f.numeratorUnit(), f.numeratorTarget());
            CellValue den = cleaner.clean(denCell, f.denominatorUnit(), f.denominatorTarget());
            String raw = (numCell == null ? "" : numCell.display()) + " / " + (denCell == null ? "" : denCell.display());
            if (num instanceof CellValue.Problem p) {
                rateProblem(f.numeratorOwn(), row, numRef, numCell, p);
            } else if (den instanceof CellValue.Problem p) {
                rateProblem(f.denominatorOwn(), row, denRef, denCell, p);
            } else if (num instanceof CellValue.NoValue) {
                load.ignored(sheet, row.rowNumber(), "no_value"); // the numerator carries the figure; a denominator alone is no figure
            } else if (den instanceof CellValue.NoValue) {
                load.reject(sheet, row.rowNumber(), denRef, "", "MISSING_DENOMINATOR", "已填写“" + f.figure().numerator()
                        + "”但缺少“" + f.figure().denominator() + "”，请补填");
            } else {
                double n = ((CellValue.Figure) num).value();
                double d = ((CellValue.Figure) den).value();
                if (d == 0) {
                    load.reject(sheet, row.rowNumber(), denRef, denCell.display(), "ZERO_DENOMINATOR",
                            "“" + f.figure().denominator() + "”为 0，无法计算比率，请核实后填写");
                    continue;
                }
                figure(indicator, f.figure().period(), town, total, new CellValue.Figure(CellCleaner.round(n / d * f.figure().scale())),
                        n, d, row.rowNumber(), numRef, raw, null, null);
            }
        }
    }

    /**
     * A rate's bad part: rejected here, or, when the part is a figure of its own that has rejected the cell already,
     * the rate counted as ignored (one cell, one reject; the other part loads on its own).
     */
    private void rateProblem(boolean own, RawRow row, String ref, RawCell cell, CellValue.Problem p) throws SQLException {
        if (own) {
            load.ignored(sheet, row.rowNumber(), "rate_part_rejected");
        } else {
            load.reject(sheet, row.rowNumber(), ref, cell.display(), p.reasonCode(), p.messageZh());
        }
    }

    /** One figure of the file: its period by the indicator's frequency, then a candidate, a reject or no value. */
    private void figure(ReferenceData.Indicator indicator, SourceMapping.FigurePeriod own, String town, boolean cityTotal,
                        CellValue v, Double numerator, Double denominator, long row, String ref, String raw, String remark,
                        Double quarterValue) throws SQLException {
        if (v instanceof CellValue.NoValue) {
            load.ignored(sheet, row, "no_value");
        } else if (v instanceof CellValue.Problem p) {
            load.reject(sheet, row, ref, raw, p.reasonCode(), p.messageZh());
        } else {
            CellValue.Figure f = (CellValue.Figure) v;
            String period = period(indicator, own);
            if (period == null) {
                load.reject(sheet, row, ref, raw, "PERIOD_NOT_EXPECTED", "年度指标“" + indicator.name() + "”只在"
                        + (options.annualInQuarter() == 1 ? "次年第一季度" : "第四季度") + "报表中填报，本期请填“/”");
                return;
            }
            load.candidate(new Observation(indicator.code(), town, period, f.value(), numerator, denominator, "A"),
                    sheet, row, ref, raw, remark, cityTotal, quarterValue);
        }
    }

    /** The period a figure belongs to: the file's, or for an annual indicator its year (null when not due in this file). */
    private String period(ReferenceData.Indicator indicator, SourceMapping.FigurePeriod own) {
        String p = facts.period;
        if (own != SourceMapping.FigurePeriod.FILE) {
            int year = PeriodParser.isQuarter(p) ? PeriodParser.year(p) : Integer.parseInt(p.substring(0, 4));
            return String.valueOf(own == SourceMapping.FigurePeriod.YEAR ? year : year - 1);
        }
        if (!PeriodParser.isQuarter(p)) {
            return indicator.annual() ? p : p + "Q4";
        }
        if (!indicator.annual()) {
            return p;
        }
        int q = PeriodParser.quarter(p);
        if (q != options.annualInQuarter()) {
            return null;
        }
        return String.valueOf(q == 1 ? PeriodParser.year(p) - 1 : PeriodParser.year(p));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
