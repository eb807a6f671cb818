package com.qiyouxiang.validation;

import java.util.Set;

/**
 * What a rule applies to; an empty set (or a null flag) means any.
 *
 * @param indicators   indicator codes (H09, T03, C01)
 * @param bureaus      bureau codes (WJ, JT, ...)
 * @param sources      source kinds: spreadsheet / platform (for 'missing': the sources whose facts count as reported)
 * @param units        units as in dim_indicator ('%', '人', ...)
 * @param aggregations sum / ratio / city_only
 * @param kinds        headline / task / context
 * @param cumulative   true: only cumulative indicators; false: only the others
 */
public record AppliesTo(Set<String> indicators, Set<String> bureaus, Set<String> sources, Set<String> units,
                        Set<String> aggregations, Set<String> kinds, Boolean cumulative) {

    public static final AppliesTo ALL = new AppliesTo(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null);

    public boolean matches(IndicatorInfo indicator, String bureauCode, String sourceKind) {
        return matchesIndicator(indicator)
                && (bureaus.isEmpty() || bureaus.contains(bureauCode))
                && (sources.isEmpty() || sources.contains(sourceKind));
    }

    public boolean matchesIndicator(IndicatorInfo indicator) {
        return (indicators.isEmpty() || indicators.contains(indicator.code()))
                && (units.isEmpty() || units.contains(indicator.unit()))
                && (aggregations.isEmpty() || aggregations.contains(indicator.aggregation()))
                && (kinds.isEmpty() || kinds.contains(indicator.kind()))
                && (cumulative == null || cumulative == indicator.cumulative());
    }
}
