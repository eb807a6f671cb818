package com.qiyouxiang.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Value range and sign: the figure within [min, max] (either may be open); the edges pass. */
final class RangeCheck implements RuleKind {

    @Override
    public String name() {
        return "range";
    }

    @Override
    public List<Finding> check(Rule rule, CheckBatch batch) {
        Double min = rule.number("min");
        Double max = rule.number("max");
        List<Finding> findings = new ArrayList<>();
        for (Candidate c : batch.candidates()) {
            if (!batch.applies(rule, c)) {
                continue;
            }
            double v = c.observation().value();
            if (min != null && v < min) {
                findings.add(batch.finding(rule, c, "BELOW_MIN", Outcome.FAILED, min, "下限",
                        Map.of("min", Numbers.format(min), "max", Numbers.format(max))));
            } else if (max != null && v > max) {
                findings.add(batch.finding(rule, c, "ABOVE_MAX", Outcome.FAILED, max, "上限",
                        Map.of("min", Numbers.format(min), "max", Numbers.format(max))));
            }
        }
        return findings;
    }
}
