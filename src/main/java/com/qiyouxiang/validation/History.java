package com.qiyouxiang.validation;

/**
 * The current warehouse figures one candidate is compared with (sql/statements/validation/candidate_history.sql).
 *
 * @param loaded        the same key already loaded from another file (a re-report differs from it)
 * @param derived       the same key derived from platform records (source_kind 'derived')
 * @param earlierPeriod the latest earlier quarter of the same year with a figure, and that figure
 */
record History(Double previousQuarter, Double lastYear, Double loaded, String loadedFile, Double derived,
               String earlierPeriod, Double earlier) {

    static final History NONE = new History(null, null, null, null, null, null, null);
}
