package com.qiyouxiang.validation;

/**
 * The review state of a 核实性 failure of a figure that loaded (fct_rule_result.review_state and
 * fct_indicator_value.review_state, stored as {@link #dbValue()}).
 */
public enum ReviewState {

    /** 待核实: waiting for a 情况说明. */
    PENDING("待核实"),
    /** 已说明: a 情况说明 (or the row's 备注) explains it. */
    EXPLAINED("已说明");

    private final String dbValue;

    ReviewState(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored, in Chinese. */
    public String dbValue() {
        return dbValue;
    }

    @Override
    public String toString() {
        return dbValue;
    }
}
