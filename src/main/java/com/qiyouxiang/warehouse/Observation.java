package com.qiyouxiang.warehouse;

/**
 * One clean figure on its way into fct_indicator_value: indicator x town x period, in the
 * indicator's canonical unit.
 *
 * @param townCode  dim_town.town_code: a 9-digit town code, or '330681' for the city
 * @param obsStatus SDMX OBS_STATUS: A normal, P provisional, E estimated (R revised is set by the merge)
 * @param source    where in its file the figure was read (kept with the fact's revision); null when unknown
 */
public record Observation(String indicatorCode, String townCode, String periodCode, Double value, Double numerator,
                          Double denominator, String obsStatus, Source source) {

    /** Where a figure was read: a spreadsheet's sheet, row and cell ('Sheet1!D7'), or an export's line. */
    public record Source(String sheet, Long row, String cell, Long line) {

        public static Source cell(String sheet, Long row, String cell) {
            return new Source(sheet, row, cell, null);
        }

        public static Source line(Long line) {
            return new Source(null, null, null, line);
        }
    }

    /** Without a source location. */
    public Observation(String indicatorCode, String townCode, String periodCode, Double value, Double numerator,
                       Double denominator, String obsStatus) {
        this(indicatorCode, townCode, periodCode, value, numerator, denominator, obsStatus, null);
    }

    public static Observation of(String indicatorCode, String townCode, String periodCode, double value) {
        return new Observation(indicatorCode, townCode, periodCode, value, null, null, "A");
    }

    public Observation withSource(Source where) {
        return new Observation(indicatorCode, townCode, periodCode, value, numerator, denominator, obsStatus, where);
    }
}
