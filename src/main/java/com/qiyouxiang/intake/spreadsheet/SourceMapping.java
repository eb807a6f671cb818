package com.qiyouxiang.intake.spreadsheet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One bureau template, read from a YAML file under {@code jobs/sources/spreadsheets/} (every key in
 * docs/spreadsheets.md; the options, named by {@link TemplateOption}, in docs/reference/template-options.md).
 * How a file is recognised, which quirks its sheets have (each a named option), and where its figures are.
 *
 * @param bureau     the bureau as written (any name or alias in dim_bureau_alias)
 * @param townColumn town-columns: the header of the 镇街 column
 * @param figures    town-columns: the figures of each town row
 * @param indicators indicator-rows: indicator code -> the names the bureau writes for it
 * @param layoutName the name of this layout (null for the mapping's own)
 * @param layouts    other layouts of the same template ('layouts:'), each a whole mapping: the first whose header fits a
 *                   sheet reads it
 */
public record SourceMapping(String id, String description, String bureau, Layout layout, Recognise recognise,
                            Options options, String townColumn, List<Figure> figures, String indicatorColumn,
                            String unitColumn, String valueColumn, String remarkColumn,
                            Map<String, List<String>> indicators, Path file, String layoutName,
                            List<SourceMapping> layouts) {

    /** The layouts a sheet may have, in the order tried: the mapping's own, then each of its 'layouts:'. */
    public List<SourceMapping> layoutsTried() {
        List<SourceMapping> all = new java.util.ArrayList<>();
        all.add(this);
        all.addAll(layouts);
        return all;
    }

    /** True when one of the sheets is read by this template: its name matches recognise.sheet, and it is visible or hidden sheets are read. */
    public boolean readsASheetOf(List<WorkbookSource.SheetInfo> sheets) {
        return sheets.stream().anyMatch(s -> !(s.hidden() && options.skipHiddenSheets())
                && recognise.sheet().matcher(TextNormalizer.normalize(s.name())).matches());
    }

    public enum Layout {
        /** 指标名称 | 单位 | 年度目标 | 本期值 | 备注: one city-level figure per row. */
        INDICATOR_ROWS,
        /** one row per 镇街 (plus a 合计/全市 row), one or more columns per indicator. */
        TOWN_COLUMNS
    }

    /**
     * How a file is recognised as this template.
     *
     * @param fileName   regular expression found in the file name
     * @param sheet      regular expression a visible sheet's name must match (the sheets read)
     * @param headerText texts that must all appear in the header rows
     */
    public record Recognise(Pattern fileName, Pattern sheet, List<String> headerText) {
    }

    /**
     * The template's quirks, each a named option ({@link TemplateOption}; defaults in jobs/sources/spreadsheets/_defaults.yml).
     *
     * @param headerMarker            the header starts at the first row with a cell equal to (or starting with) this text
     * @param headerRows              how many rows the header spans (2 for two-row merged headers)
     * @param fillMergedHeader        an empty upper header cell takes the text of its left neighbour (merged across)
     * @param fillDown                columns whose empty cells take the value above (merged down)
     * @param totalRowLabels          labels of the bureau's own city row (合计, 全市): loaded as the city, never as a town
     * @param footnoteMarkers         a row starting with one of these (注, 说明) begins the footnotes below the table
     * @param metaMarkers             rows with these (填报单位, 填报日期, 填报人) are the reporting details, not data
     * @param metaQualifiers          qualifiers in brackets removed from a meta cell: （盖章）, (公章)
     * @param noValueTokens           cell texts meaning "no value" (/, —, -, 无, 暂无)
     * @param skipHiddenSheets        hidden sheets are not read
     * @param periodFrom              where the period is read, in order: title, file-name
     * @param fractionInPercentColumn a figure between 0 and 1 in a % column is a fraction (0.63 = 63%)
     * @param annualInQuarter         annual indicators are reported in this quarter's file: 4 (same year) or 1 (the year before)
     */
    public record Options(String headerMarker, int headerRows, boolean fillMergedHeader, List<String> fillDown,
                          Set<String> totalRowLabels, List<String> footnoteMarkers, List<String> metaMarkers,
                          List<String> metaQualifiers, Set<String> noValueTokens, boolean skipHiddenSheets, List<String> periodFrom,
                          boolean fractionInPercentColumn, int annualInQuarter) {
    }

    /**
     * A figure of each town row: either one column, or a rate built from a numerator and a
     * denominator column (value = numerator / denominator x scale).
     *
     * @param unit the unit the column is written in when its header has none in brackets (default: the indicator's)
     * @param period the period the value is for (option 'period'): the file's, its year, or the year before
     * @param numeratorUnit   a rate's numerator converted to this unit before the rate (or null: as written)
     * @param denominatorUnit the same for its denominator
     * @param quarterColumn for a cumulative indicator reported as a running total (1–9月), the column of the
     *                      quarter's own figure (本季, 7–9月) beside it, if the template has one: it feeds the
     *                      cumulative identity check (1–9月 = 1–6月 + 本季) and is not a fact of its own
     */
    public record Figure(String indicator, String column, String numerator, String denominator, double scale,
                         String unit, String quarterColumn, FigurePeriod period, String numeratorUnit,
                         String denominatorUnit) {

        public boolean isRatio() {
            return numerator != null;
        }
    }

    /** A figure's option 'period' ({@link TemplateOption#FIGURE_PERIOD}). */
    public enum FigurePeriod {
        FILE, YEAR, PREVIOUS_YEAR;

        public String key() {
            return name().toLowerCase().replace('_', '-');
        }

        static FigurePeriod of(Object written) {
            return written == null ? FILE : valueOf(written.toString().toUpperCase().replace('-', '_'));
        }
    }
}
