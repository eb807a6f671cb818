package com.qiyouxiang.validation;

/** The outcome of a rule for a figure (fct_rule_result.outcome, stored as {@link #dbValue()}). */
public enum Outcome {

    /** The check failed. */
    FAILED("failed"),
    /** A change cannot be computed (base zero or negative): always 提示性. */
    NOT_COMPARABLE("not_comparable"),
    /** 应报未报: a figure the bureau should have reported is missing (rules of kind 'missing'). */
    MISSING("missing");

    private final String dbValue;

    Outcome(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value in fct_rule_result.outcome. */
    public String dbValue() {
        return dbValue;
    }

    @Override
    public String toString() {
        return dbValue;
    }
}
