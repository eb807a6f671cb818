package com.qiyouxiang.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bureau's reported figure against the same indicator, town and period derived from platform
 * records (source_kind 'derived'), beyond tolerance. Nothing to compare until the derivation ran.
 */
final class CrossSourceCheck implements RuleKind {

    @Override
    public String name() {
        return "cross-source";
    }

    @Override
    public List<Finding> check(Rule rule, CheckBatch batch) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < batch.candidates().size(); i++) {
            Candidate c = batch.candidates().get(i);
            Double derived = batch.history(i).derived();
            if (!batch.applies(rule, c) || derived == null || rule.tolerance().within(c.observation().value(), derived)) {
                continue;
            }
            double diff = c.observation().value() - derived;
            findings.add(batch.finding(rule, c, "CROSS_SOURCE_DIFFERS", Outcome.FAILED, derived, "平台明细推算数",
                    Map.of("diff", Numbers.format(diff),
                            "change", derived == 0 ? "不可比" : Numbers.signedPercent(diff / derived))));
        }
        return findings;
    }
}
