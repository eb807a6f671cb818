package com.qiyouxiang.validation;

import com.qiyouxiang.warehouse.Observation;

/**
 * One stored rule result (a row of fct_rule_result): the rule, its tier after overrides, the subject
 * (indicator × town × period, bureau, file and location), the figures compared, the outcome, and
 * for 核实性 results on loaded figures the review state with the 情况说明 if any.
 *
 * @param reviewState for a 核实性 failure of a figure that loaded: 待核实, or 已说明; null otherwise
 */
public record RuleResult(String ruleId, int ruleVersion, String ruleKind, Tier tier, Outcome outcome, String reasonCode,
                         String indicatorCode, String townCode, String periodCode, String bureauCode, String sourceKind,
                         Long fileId, String fileName, String sheetName, Long rowNumber, String location, String rawText,
                         Double value, Double comparedValue, String comparedWith, String messageZh, ReviewState reviewState,
                         String explanation, String explanationSource) {

    /**
     * A finding as stored. A 核实性 failure of a figure that loads (no 强制性 finding rejected it) is
     * 待核实, or 已说明 at once when its row carries a 备注.
     */
    public static RuleResult of(Finding f, boolean figureRejected) {
        Candidate c = f.candidate();
        Candidate.Source source = c.source();
        Observation o = c.observation();
        boolean review = f.tier() == Tier.VERIFY && f.outcome() == Outcome.FAILED && !figureRejected;
        boolean remark = review && c.hasRemark();
        String where = source.fileName() + (c.sheetName() != null ? " " + c.sheetName() : "")
                + (c.rowNumber() != null ? " 第" + c.rowNumber() + "行" : "");
        return new RuleResult(f.ruleId(), f.ruleVersion(), f.ruleKind(), f.tier(), f.outcome(), f.reasonCode(),
                o.indicatorCode(), o.townCode(), o.periodCode(), source.bureauCode(), source.kind(), source.fileId(),
                source.fileName(), c.sheetName(), c.rowNumber(), c.location(), c.rawText(), o.value(), f.comparedValue(),
                f.comparedWith(), f.messageZh(), review ? (remark ? ReviewState.EXPLAINED : ReviewState.PENDING) : null,
                remark ? c.remark().strip() : null, remark ? "备注（" + where + "）" : null);
    }

    /** A figure the bureau should have reported and did not (应报未报): no file, no figure, nothing compared. */
    static RuleResult missing(Rule rule, Tier tier, String indicatorCode, String townCode, String periodCode,
                              String bureauCode, String messageZh) {
        return new RuleResult(rule.id(), rule.version(), rule.kind(), tier, Outcome.MISSING, "MISSING_FIGURE",
                indicatorCode, townCode, periodCode, bureauCode, null, null, null, null, null, null, null, null, null,
                null, messageZh, null, null, null);
    }
}
