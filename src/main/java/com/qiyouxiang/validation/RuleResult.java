package com.qiyouxiang.validation;

import com.qiyouxiang.warehouse.Observation;

/**
 * One stored rule result (a row of fct_rule_result): the rule, its tier after overrides, the subject
 * (indicator × town × period, bureau, file and location), the figures compared, the outcome, and
 * for 核实性 results on loaded figures the review state with the 情况说明 if any.
 *
 * @param outcome     failed / not_comparable / missing
 * @param reviewState 待核实 / 已说明 for a 核实性 failure of a figure that loaded; null otherwise
 */
public record RuleResult(String ruleId, int ruleVersion, String ruleKind, Tier tier, String outcome, String reasonCode,
                         String indicatorCode, String townCode, String periodCode, String bureauCode, String sourceKind,
                         Long fileId, String fileName, String sheetName, Long rowNumber, String location, String rawText,
                         Double value, Double comparedValue, String comparedWith, String messageZh, String reviewState,
                         String explanation, String explanationSource) {

    public static final String PENDING = "待核实";
    public static final String EXPLAINED = "已说明";
    public static final String MISSING = "missing";

    /**
     * A finding as stored. A 核实性 failure of a figure that loads (no 强制性 finding rejected it) is
     * 待核实, or 已说明 at once when its row carries a 备注.
     */
    public static RuleResult of(Finding f, boolean figureRejected) {
        Candidate c = f.candidate();
        Observation o = c.observation();
        boolean review = f.tier() == Tier.VERIFY && Finding.FAILED.equals(f.outcome()) && !figureRejected;
        boolean remark = review && c.hasRemark();
        String where = c.fileName() + (c.sheetName() != null ? " " + c.sheetName() : "")
                + (c.rowNumber() != null ? " 第" + c.rowNumber() + "行" : "");
        return new RuleResult(f.ruleId(), f.ruleVersion(), f.ruleKind(), f.tier(), f.outcome(), f.reasonCode(),
                o.indicatorCode(), o.townCode(), o.periodCode(), c.bureauCode(), c.sourceKind(), c.fileId(),
                c.fileName(), c.sheetName(), c.rowNumber(), c.location(), c.rawText(), o.value(), f.comparedValue(),
                f.comparedWith(), f.messageZh(), review ? (remark ? EXPLAINED : PENDING) : null,
                remark ? c.remark().strip() : null, remark ? "备注（" + where + "）" : null);
    }
}
