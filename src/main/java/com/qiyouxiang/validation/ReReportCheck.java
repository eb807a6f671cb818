package com.qiyouxiang.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A figure reported again (上年同期数, last quarter restated, a corrected file) that differs from the
 * one loaded before from another file, beyond tolerance. It may be a legitimate revision: the
 * 情况说明 says so, and the figure loads as a new revision either way.
 */
final class ReReportCheck implements RuleKind {

    @Override
    public String name() {
        return "re-report";
    }

    @Override
    public List<Finding> check(Rule rule, CheckBatch batch) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < batch.candidates().size(); i++) {
            Candidate c = batch.candidates().get(i);
            History h = batch.history(i);
            if (!batch.applies(rule, c) || h.loaded() == null
                    || rule.tolerance().within(c.observation().value(), h.loaded())) {
                continue;
            }
            findings.add(batch.finding(rule, c, "RE_REPORT_DIFFERS", Outcome.FAILED, h.loaded(),
                    "已入库，来自 " + h.loadedFile(), Map.of("loaded_file", String.valueOf(h.loadedFile()))));
        }
        return findings;
    }
}
