package com.qiyouxiang.validation;

import java.util.List;

/**
 * One kind of check, implemented once and run for every rule of that kind in the catalogue,
 * whatever the figure's source (spreadsheet or platform export).
 */
interface RuleKind {

    /** The kind's name in the catalogue ('range', 'change', ...). */
    String name();

    List<Finding> check(Rule rule, CheckBatch batch);
}
