package com.qiyouxiang.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Change against a base period beyond a threshold ({@code params: threshold}, 0.30 = 30 %): the
 * previous quarter ({@code compare-to: previous-quarter}, quarters only) or the same period a year
 * earlier ({@code same-period-last-year}). The base comes from the same file when it holds it (a
 * 上年同期 column), else from the warehouse (same source). A base of zero or below makes the change
 * "not comparable" (不可比): recorded as 提示性, never blocking. The threshold itself passes.
 */
final class ChangeCheck implements RuleKind {

    @Override
    public String name() {
        return "change";
    }

    @Override
    public List<Finding> check(Rule rule, CheckBatch batch) {
        boolean previousQuarter = "previous-quarter".equals(rule.text("compare-to"));
        double threshold = rule.number("threshold");
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < batch.candidates().size(); i++) {
            Candidate c = batch.candidates().get(i);
            if (!batch.applies(rule, c)) {
                continue;
            }
            String period = c.observation().periodCode();
            String basePeriod = previousQuarter ? Periods.previousQuarter(period) : Periods.samePeriodLastYear(period);
            if (basePeriod == null) {
                continue;
            }
            Double base = batch.inFile(c, basePeriod);
            if (base == null) {
                History h = batch.history(i);
                base = previousQuarter ? h.previousQuarter() : h.lastYear();
            }
            if (base == null) {
                continue;
            }
            String baseLabel = batch.periodLabel(basePeriod);
            Map<String, String> values = Map.of("threshold", Numbers.percent(threshold), "base_period", baseLabel);
            if (base <= 0) {
                findings.add(batch.finding(rule, c, "CHANGE_NOT_COMPARABLE", Outcome.NOT_COMPARABLE, base, baseLabel,
                        values));
                continue;
            }
            double change = (c.observation().value() - base) / base;
            if (Numbers.exceeds(Math.abs(change), threshold)) {
                Map<String, String> withChange = new HashMap<>(values);
                withChange.put("change", Numbers.signedPercent(change));
                findings.add(batch.finding(rule, c, previousQuarter ? "CHANGE_QOQ" : "CHANGE_YOY", Outcome.FAILED, base,
                        baseLabel, withChange));
            }
        }
        return findings;
    }
}
