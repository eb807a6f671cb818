package com.qiyouxiang.validation;

import com.qiyouxiang.warehouse.Observation;

/**
 * A figure read from a source, cleaned and converted to the indicator's canonical unit, waiting
 * for the checks before it becomes a fact.
 *
 * @param sourceKind   spreadsheet / platform / derived
 * @param location     where it came from, as the bureau will be told: 'Sheet1!D7', or 'line 42'
 * @param rawText      the cell or field as written
 * @param remark       the row's 备注 text if any (a 情况说明 for a 核实性 finding)
 * @param cityTotal    true for a bureau's own 合计/全市 figure
 * @param quarterValue for a cumulative indicator, the quarter's own figure (本季, e.g. 7–9月) when the
 *                     source reports it beside the cumulative one (1–9月); null otherwise
 */
public record Candidate(Observation observation, String sourceKind, String bureauCode, long fileId, String fileName,
                        String sheetName, Long rowNumber, String location, String rawText, String remark,
                        boolean cityTotal, Double quarterValue) {

    /** Without a quarter's own figure (the usual case). */
    public Candidate(Observation observation, String sourceKind, String bureauCode, long fileId, String fileName,
                     String sheetName, Long rowNumber, String location, String rawText, String remark,
                     boolean cityTotal) {
        this(observation, sourceKind, bureauCode, fileId, fileName, sheetName, rowNumber, location, rawText, remark,
                cityTotal, null);
    }

    public boolean hasRemark() {
        return remark != null && !remark.isBlank();
    }
}
