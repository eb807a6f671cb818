package com.qiyouxiang.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.qiyouxiang.warehouse.Observation;

/**
 * Cumulative indicators (indicator_attributes.csv cumulative = true), by quarter within a year:
 * <ul>
 * <li>{@code check: not-below-earlier}: a quarter's cumulative figure is not below the latest earlier
 *     quarter of the same year (from the same file or the warehouse, whichever is later; the file's on a tie);</li>
 * <li>{@code check: identity}: where the quarter's own figure (本季) is reported beside the cumulative
 *     one, cumulative = previous quarter's cumulative + 本季 (1–9月 = 1–6月 + 第三季度; Q1: = 本季),
 *     within tolerance, when the previous quarter's cumulative is known.</li>
 * </ul>
 */
final class CumulativeCheck implements RuleKind {

    @Override
    public String name() {
        return "cumulative";
    }

    @Override
    public List<Finding> check(Rule rule, CheckBatch batch) {
        boolean identity = "identity".equals(rule.text("check"));
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < batch.candidates().size(); i++) {
            Candidate c = batch.candidates().get(i);
            Observation o = c.observation();
            Integer quarter = Periods.quarter(o.periodCode());
            if (!batch.applies(rule, c) || quarter == null) {
                continue;
            }
            Finding f = identity ? identity(rule, batch, c, quarter, i) : notBelowEarlier(rule, batch, c, quarter, i);
            if (f != null) {
                findings.add(f);
            }
        }
        return findings;
    }

    private static Finding notBelowEarlier(Rule rule, CheckBatch batch, Candidate c, int quarter, int index) {
        String period = c.observation().periodCode();
        int year = Periods.year(period);
        String earlierPeriod = null;
        Double earlier = null;
        for (int q = quarter - 1; q >= 1 && earlier == null; q--) {
            earlier = batch.inFile(c, year + "Q" + q);
            earlierPeriod = year + "Q" + q;
        }
        History h = batch.history(index);
        if (h.earlier() != null && (earlier == null || h.earlierPeriod().compareTo(earlierPeriod) > 0)) {
            earlier = h.earlier();
            earlierPeriod = h.earlierPeriod();
        }
        if (earlier == null || !Numbers.exceeds(earlier, c.observation().value())) {
            return null;
        }
        return batch.finding(rule, c, "CUMULATIVE_DECREASED", Outcome.FAILED, earlier, batch.periodLabel(earlierPeriod),
                Map.of());
    }

    private static Finding identity(Rule rule, CheckBatch batch, Candidate c, int quarter, int index) {
        if (c.quarterValue() == null) {
            return null;
        }
        String period = c.observation().periodCode();
        String previous = Periods.previousQuarter(period);
        Double earlier;
        if (quarter == 1) {
            earlier = 0.0;
        } else {
            earlier = batch.inFile(c, previous);
            if (earlier == null) {
                earlier = batch.history(index).previousQuarter();
            }
        }
        if (earlier == null) {
            return null;
        }
        double expected = earlier + c.quarterValue();
        if (rule.tolerance().within(c.observation().value(), expected)) {
            return null;
        }
        return batch.finding(rule, c, "CUMULATIVE_IDENTITY", Outcome.FAILED, expected,
                quarter == 1 ? "年初" : batch.periodLabel(previous) + "累计",
                Map.of("earlier", Numbers.format(earlier), "quarter_value", Numbers.format(c.quarterValue())));
    }
}
