package com.qiyouxiang.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A rate's numerator not above its denominator, and the denominator above zero (when both are given). */
final class NumeratorDenominatorCheck implements RuleKind {

    @Override
    public String name() {
        return "numerator-denominator";
    }

    @Override
    public List<Finding> check(Rule rule, CheckBatch batch) {
        List<Finding> findings = new ArrayList<>();
        for (Candidate c : batch.candidates()) {
            Double n = c.observation().numerator();
            Double d = c.observation().denominator();
            if (!batch.applies(rule, c) || n == null || d == null) {
                continue;
            }
            if (d <= 0 || Numbers.exceeds(n, d)) {
                findings.add(batch.finding(rule, c, d <= 0 ? "DENOMINATOR_NOT_POSITIVE" : "NUMERATOR_ABOVE_DENOMINATOR",
                        Outcome.FAILED, d, "分母",
                        Map.of("numerator", Numbers.format(n), "denominator", Numbers.format(d))));
            }
        }
        return findings;
    }
}
