package com.qiyouxiang.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.qiyouxiang.warehouse.Observation;

/**
 * Total equals the sum of its parts, within one file: a bureau's 合计/全市 figure against its towns'
 * figures of the same indicator and period. Additive indicators (aggregation sum) compare with the
 * sum of the towns; rates (ratio) with the rate recomputed from the summed numerators and
 * denominators (× the indicator's scale), when every town gives both.
 */
final class TotalCheck implements RuleKind {

    @Override
    public String name() {
        return "total";
    }

    @Override
    public List<Finding> check(Rule rule, CheckBatch batch) {
        Map<String, List<Candidate>> parts = new LinkedHashMap<>();
        for (Candidate c : batch.candidates()) {
            if (!c.cityTotal() && batch.applies(rule, c)) {
                parts.computeIfAbsent(group(c), k -> new ArrayList<>()).add(c);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Candidate total : batch.candidates()) {
            List<Candidate> towns = parts.get(group(total));
            if (!total.cityTotal() || !batch.applies(rule, total) || towns == null) {
                continue;
            }
            IndicatorInfo info = batch.indicator(total);
            double sum = 0;
            double numerators = 0;
            double denominators = 0;
            boolean rateParts = true;
            for (Candidate t : towns) {
                Observation o = t.observation();
                sum += o.value();
                if (o.numerator() == null || o.denominator() == null) {
                    rateParts = false;
                } else {
                    numerators += o.numerator();
                    denominators += o.denominator();
                }
            }
            double expected;
            if ("ratio".equals(info.aggregation())) {
                if (!rateParts || denominators <= 0) {
                    continue;
                }
                expected = numerators / denominators * info.scale();
            } else {
                expected = sum;
            }
            double value = total.observation().value();
            if (!rule.tolerance().within(value, expected)) {
                findings.add(batch.finding(rule, total, "TOTAL_NOT_SUM_OF_PARTS", Outcome.FAILED, expected,
                        "ratio".equals(info.aggregation()) ? "各镇街分子分母汇总重算" : "各镇街合计",
                        Map.of("towns", String.valueOf(towns.size()), "diff", Numbers.format(value - expected),
                                "numerator", Numbers.format(numerators), "denominator", Numbers.format(denominators))));
            }
        }
        return findings;
    }

    private static String group(Candidate c) {
        Observation o = c.observation();
        return o.indicatorCode() + '|' + o.periodCode() + '|' + c.source().kind() + '|' + c.source().bureauCode();
    }
}
