package com.qiyouxiang.intake.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Header resolution, out of {@link SheetParser}: the header rows (one or more, merged cells filled across with option
 * {@code fill-merged-header}) read into a path per column ({@code 托位数/总数}), the units in brackets noted, and every
 * column the mapping names found by {@link HeaderNames}: the town or indicator column, each figure's column or a rate's
 * numerator and denominator (with the unit each is read in), the fill-down columns. A header that lacks the
 * {@code recognise.header-text} or a named column refuses the sheet, naming every missing column at once and the
 * mapping key that names it. One resolver per sheet.
 */
final class HeaderResolver {

    private final SourceMapping mapping;
    private final SourceMapping.Options options;
    private final ReferenceData reference;
    private final String sheet;
    private final List<Missing> missing = new ArrayList<>();
    private final Set<Integer> used = new HashSet<>();

    HeaderResolver(SourceMapping mapping, ReferenceData reference, String sheet) {
        this.mapping = mapping;
        this.options = mapping.options();
        this.reference = reference;
        this.sheet = sheet;
    }

    /**
     * The header as resolved.
     *
     * @param fillDown the columns of option {@code fill-down}
     * @param lines    one line per column used, for the dry run ({@code C 托位数/总数 -> what})
     */
    record Resolved(Columns columns, List<Integer> fillDown, List<String> lines) {
    }

    /** Resolved column positions; -1 when the template's optional column is absent. */
    record Columns(int label, int unit, int value, int remark, List<FigureColumns> figures) {
    }

    /**
     * @param numeratorOwn   a rate's numerator column is also a figure of its own (it rejects a bad cell, not the rate)
     * @param denominatorOwn the same for the denominator
     */
    record FigureColumns(SourceMapping.Figure figure, ReferenceData.Indicator indicator, int column,
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

    /** The columns of the header rows, or a {@link NotRecognisedException} naming every column the mapping misses. */
    Resolved resolve(List<RawRow> headerRows) {
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
        List<Integer> fillDownColumns = new ArrayList<>();
        for (String fill : options.fillDown()) {
            fillDownColumns.add(column(paths, fill, true));
        }
        if (mapping.layout() == SourceMapping.Layout.INDICATOR_ROWS) {
            Columns columns = new Columns(column(paths, mapping.indicatorColumn(), true), column(paths, mapping.unitColumn(), false),
                    column(paths, mapping.valueColumn(), true), column(paths, mapping.remarkColumn(), false), List.of());
            refuseIfMissing(paths);
            List<String> lines = new ArrayList<>();
            describe(lines, paths, columns.label(), "the indicator name (indicator-column)");
            describe(lines, paths, columns.unit(), "the unit (unit-column)");
            describe(lines, paths, columns.value(), "the value (value-column)");
            describe(lines, paths, columns.remark(), "the remark, a 情况说明 (remark-column)");
            return new Resolved(columns, fillDownColumns, lines);
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
        Columns columns = new Columns(column(paths, mapping.townColumn(), true), -1, -1, -1, figures);
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
        return new Resolved(columns, fillDownColumns, lines);
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
}
