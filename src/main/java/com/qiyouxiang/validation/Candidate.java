package com.qiyouxiang.validation;

import com.qiyouxiang.warehouse.Observation;

/**
 * A figure read from a source, cleaned and converted to the indicator's canonical unit, waiting
 * for the checks before it becomes a fact: the figure, the file it came from ({@link Source}, the same for
 * every figure of a spreadsheet) and where in it.
 *
 * @param location     where it came from, as the bureau will be told: 'Sheet1!D7', or 'line 42'
 * @param rawText      the cell or field as written
 * @param remark       the row's 备注 text if any (a 情况说明 for a 核实性 finding)
 * @param cityTotal    true for a bureau's own 合计/全市 figure
 * @param quarterValue for a cumulative indicator, the quarter's own figure (本季, e.g. 7–9月) when the
 *                     source reports it beside the cumulative one (1–9月); null otherwise
 */
public record Candidate(Observation observation, Source source, String sheetName, Long rowNumber, String location,
                        String rawText, String remark, boolean cityTotal, Double quarterValue) {

    /**
     * Where the figures come from.
     *
     * @param kind       spreadsheet / platform / derived
     * @param bureauCode the reporting bureau, if known
     * @param fileId     its etl_file row (0 for derived figures)
     * @param fileName   the file (or the SQL model of a derived figure)
     */
    public record Source(String kind, String bureauCode, long fileId, String fileName) {
    }

    /** Without a quarter's own figure (the usual case). */
    public Candidate(Observation observation, Source source, String sheetName, Long rowNumber, String location,
                     String rawText, String remark, boolean cityTotal) {
        this(observation, source, sheetName, rowNumber, location, rawText, remark, cityTotal, null);
    }

    public boolean hasRemark() {
        return remark != null && !remark.isBlank();
    }
}
