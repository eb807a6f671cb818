package com.qiyouxiang.validation;

import java.util.Set;

/** A rule's tier changed for some indicators and/or bureaus (jobs/rules/overrides.yml). */
public record TierOverride(String ruleId, Set<String> indicators, Set<String> bureaus, Tier tier, String reason) {

    boolean matches(String ruleId, String indicatorCode, String bureauCode) {
        return this.ruleId.equals(ruleId)
                && (indicators.isEmpty() || indicators.contains(indicatorCode))
                && (bureaus.isEmpty() || bureaus.contains(bureauCode));
    }

    /** Indicator and bureau named: 3; indicator only: 2; bureau only: 1. */
    int specificity() {
        return (indicators.isEmpty() ? 0 : 2) + (bureaus.isEmpty() ? 0 : 1);
    }
}
