package com.qiyouxiang.validation;

import java.util.Map;

/**
 * One rule of the catalogue (jobs/rules/*.yml).
 *
 * @param kind                 which check runs it: range, numerator-denominator, total, cumulative, change,
 *                             re-report, cross-source, missing
 * @param tier                 the default tier; {@link RuleCatalogue#tierFor} applies the overrides
 * @param params               the kind's own settings (min, max, threshold, compare-to, check)
 * @param message              Chinese message template, {placeholders} filled with the compared values
 * @param messageNotComparable for 'change': the message when the base is zero or negative
 * @param reasonCode           the reason code a failure carries into etl_reject; null = the kind's own
 *                             (e.g. BELOW_MIN, CHANGE_YOY)
 */
public record Rule(String id, int version, String kind, Tier tier, String title, AppliesTo appliesTo,
                   Tolerance tolerance, Map<String, Object> params, String message, String messageNotComparable,
                   String reasonCode) {

    public Double number(String param) {
        Object v = params.get(param);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public String text(String param) {
        Object v = params.get(param);
        return v == null ? null : v.toString();
    }
}
